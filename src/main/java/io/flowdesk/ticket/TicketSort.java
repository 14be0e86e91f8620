package io.flowdesk.ticket;

import io.flowdesk.common.Problems;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the ticket list sorts by: the fields a ticket shows in the API, nothing of the entity behind it. Spring Data
 * would take any property of {@link Ticket} it finds: {@code sort=number} and {@code sort=fields} (getters, no
 * columns) answered 500, {@code sort=departments} joined a collection and {@code sort=version} showed internals.
 */
final class TicketSort {

    /** The sortable fields, as the list's {@code sort} parameter documents them. */
    static final String FIELDS = "number, type, subject, status, priority, channel, category, group, assignee,"
            + " customer.name, customer.email, customer.tier, customer.region, externalReference, createdAt,"
            + " updatedAt, firstResponseAt, resolvedAt, closedAt";

    private static final Map<String, String> ATTRIBUTE_OF = Arrays.stream(FIELDS.split(", "))
            .collect(Collectors.toUnmodifiableMap(Function.identity(),
                    field -> field.equals("number") ? "id" : field)); // a number is its id, zero-padded

    private TicketSort() {
    }

    /** The page with its sort in the entity's attributes; a field that is not sortable is a 400 naming it. */
    static Pageable checked(Pageable pageable) {
        if (pageable.isUnpaged() || pageable.getSort().isUnsorted()) {
            return pageable;
        }
        Sort sort = Sort.by(pageable.getSort().stream().map(order -> {
            String attribute = ATTRIBUTE_OF.get(order.getProperty());
            if (attribute == null) {
                throw Problems.badField("sort", "cannot sort by '" + order.getProperty() + "'; sortable: " + FIELDS);
            }
            return order.withProperty(attribute);
        }).toList());
        return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort);
    }
}

package io.flowdesk.ticket;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

import java.util.ArrayList;
import java.util.List;

final class TicketSpecifications {

    private TicketSpecifications() {
    }

    static Specification<Ticket> matching(TicketFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (filter.status() != null) {
                predicates.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.type() != null) {
                predicates.add(cb.equal(root.get("type"), filter.type()));
            }
            if (filter.group() != null) {
                predicates.add(cb.equal(root.get("group"), filter.group()));
            }
            if (filter.assignee() != null) {
                predicates.add(cb.equal(root.get("assignee"), filter.assignee()));
            }
            if (filter.customerEmail() != null) {
                predicates.add(cb.equal(root.get("customer").get("email"), filter.customerEmail()));
            }
            if (filter.createdFrom() != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("createdAt"), filter.createdFrom()));
            }
            if (filter.createdTo() != null) {
                predicates.add(cb.lessThan(root.get("createdAt"), filter.createdTo()));
            }
            if (filter.satisfaction() != null) {
                predicates.add(cb.equal(root.get("satisfaction").get("score"), filter.satisfaction()));
            }
            if (filter.rated() != null) {
                predicates.add(filter.rated() ? cb.isNotNull(root.get("satisfaction").get("score"))
                        : cb.isNull(root.get("satisfaction").get("score")));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}

package io.flowdesk.portal;

import io.flowdesk.common.Problems;
import io.flowdesk.portal.PortalViews.ChoiceView;
import io.flowdesk.portal.PortalViews.FieldView;
import io.flowdesk.portal.PortalViews.TypeView;
import io.flowdesk.tickettype.TicketField;
import io.flowdesk.tickettype.TicketType;
import io.flowdesk.tickettype.TicketTypeCatalog;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The ticket types customers may open in the portal ({@code flowdesk.portal.ticket-types}, in that order, with the
 * names customers read), those of them deployed now, with their custom fields. A type an analyst adds stays off the
 * portal until it is listed there: a desk's internal types are not for customers. Without the setting, every type.
 */
@Component
class PortalTicketTypes {

    private final TicketTypeCatalog catalog;
    private final PortalProperties properties;

    PortalTicketTypes(TicketTypeCatalog catalog, PortalProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    List<TypeView> offered() {
        if (properties.ticketTypes().isEmpty()) {
            return catalog.all().stream().map(type -> view(type, Bilingual.of(type.name()))).toList();
        }
        return properties.ticketTypes().entrySet().stream()
                .flatMap(offered -> catalog.find(offered.getKey()).stream()
                        .map(type -> view(type, Bilingual.of(offered.getValue()))))
                .toList();
    }

    /** The type, if customers may open it; else 400 naming the field {@code type}. */
    TicketType offered(String key) {
        return find(key).orElseThrow(() -> Problems.badField("type", "must be one of "
                + offered().stream().map(TypeView::key).toList()));
    }

    /** The name customers read for a type (its key, for a type no longer deployed). */
    Bilingual nameOf(String key) {
        String configured = properties.ticketTypes().get(key);
        if (configured != null) {
            return Bilingual.of(configured);
        }
        return Bilingual.of(catalog.find(key).map(TicketType::name).orElse(key));
    }

    /** What customers read for a value of a choice field. */
    Bilingual choice(String value) {
        return Bilingual.of(properties.choices().getOrDefault(value, value));
    }

    /** The fields the type declares, if it is deployed. */
    List<TicketField> fieldsOf(String key) {
        return catalog.find(key).map(TicketType::fields).orElse(List.of());
    }

    private Optional<TicketType> find(String key) {
        boolean listed = properties.ticketTypes().isEmpty() || properties.ticketTypes().containsKey(key);
        return listed ? catalog.find(key) : Optional.empty();
    }

    private TypeView view(TicketType type, Bilingual name) {
        return new TypeView(type.key(), name, type.fields().stream().map(this::field).toList());
    }

    private FieldView field(TicketField field) {
        return new FieldView(field.name(), Bilingual.of(field.label()), field.type(), field.required(),
                field.values().stream().map(value -> new ChoiceView(value, choice(value))).toList());
    }
}

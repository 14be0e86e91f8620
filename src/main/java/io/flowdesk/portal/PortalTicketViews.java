package io.flowdesk.portal;

import io.flowdesk.attachment.TicketAttachments;
import io.flowdesk.portal.PortalViews.ContactView;
import io.flowdesk.portal.PortalViews.Entry;
import io.flowdesk.portal.PortalViews.FieldValue;
import io.flowdesk.portal.PortalViews.FileView;
import io.flowdesk.portal.PortalViews.TicketView;
import io.flowdesk.ticket.Ticket;
import io.flowdesk.ticket.TicketEventType;
import io.flowdesk.ticket.TicketQueries;
import io.flowdesk.ticket.TicketViews.SatisfactionView;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import io.flowdesk.tickettype.TicketField;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ticket as its customer reads it in the portal: what they asked, where it stands, what the desk and they said
 * (the timeline's entries a customer sees, {@link TicketEventType#seenByCustomer()}, without who at the desk wrote
 * them), the files, the type's fields they gave, and their rating.
 */
@Component
class PortalTicketViews {

    private final TicketQueries queries;
    private final TicketAttachments attachments;
    private final PortalTicketTypes types;

    PortalTicketViews(TicketQueries queries, TicketAttachments attachments, PortalTicketTypes types) {
        this.queries = queries;
        this.attachments = attachments;
        this.types = types;
    }

    TicketView of(Ticket ticket) {
        return new TicketView(ticket.getNumber(), types.nameOf(ticket.getType()), ticket.getSubject(),
                ticket.getDescription(), CustomerStatus.of(ticket.getStatus()),
                new ContactView(ticket.getCustomer().getName(), masked(ticket.getCustomer().getEmail())),
                fields(ticket), files(ticket), timeline(ticket), SatisfactionView.of(ticket.getSatisfaction()),
                !Ticket.CLOSED.equals(ticket.getStatus()),
                ticket.isResolvedOrClosed() && ticket.getSatisfaction() == null,
                ticket.getCreatedAt(), ticket.getUpdatedAt(), ticket.getResolvedAt(), ticket.getClosedAt());
    }

    private List<Entry> timeline(Ticket ticket) {
        List<Entry> entries = new ArrayList<>();
        String status = CustomerStatus.RECEIVED;
        for (TimelineEntry event : queries.timelineSeenByCustomer(ticket)) {
            Entry entry = entry(event);
            if (entry == null) {
                continue;
            }
            if (entry.status() != null) {
                if (entry.status().equals(status)) {
                    continue; // reopened after in progress reads the same to a customer
                }
                status = entry.status();
            }
            entries.add(entry);
        }
        return entries;
    }

    /** The entry as the portal tells it; null for a kind it has no words for (a customer sees no raw type). */
    private static Entry entry(TimelineEntry event) {
        return switch (TicketEventType.valueOf(event.type())) {
            case CREATED -> new Entry("submitted", event.at(), null, null, null);
            case STATUS_CHANGED -> new Entry("status", event.at(), CustomerStatus.of(event.to()), null, null);
            case PUBLIC_REPLY -> new Entry("reply", event.at(), null, event.body(), null);
            case CUSTOMER_MESSAGE -> new Entry("message", event.at(), null, event.body(), null);
            case SATISFACTION_RATED -> new Entry("rating", event.at(), null, event.body(), Integer.valueOf(event.to()));
            default -> null;
        };
    }

    /** The fields the ticket's type declares, by their labels; values of a choice as customers read them. */
    private List<FieldValue> fields(Ticket ticket) {
        Map<String, String> values = ticket.getFields();
        List<FieldValue> shown = new ArrayList<>();
        for (TicketField field : types.fieldsOf(ticket.getType())) {
            String value = values.get(field.name());
            if (value != null && !value.isBlank()) {
                shown.add(new FieldValue(field.name(), Bilingual.of(field.label()),
                        "choice".equals(field.type()) ? types.choice(value) : new Bilingual(value, value)));
            }
        }
        return shown;
    }

    private List<FileView> files(Ticket ticket) {
        return attachments.listOf(ticket.getNumber()).stream()
                .map(file -> new FileView(file.id(), file.fileName(), file.contentType(), file.size(),
                        file.uploadedAt()))
                .toList();
    }

    /** {@code zhang@example.com} as {@code z***@example.com}. */
    static String masked(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}

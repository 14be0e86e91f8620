package io.flowdesk.ticket;

import java.util.Map;

/** What is needed to open a ticket, whatever the entry (our REST API, engine REST, a Tasklist start form). */
public record NewTicket(
        String type,
        String subject,
        String description,
        Channel channel,
        Priority priority,
        String category,
        Customer customer,
        Map<String, String> fields,
        String externalReference) {
}

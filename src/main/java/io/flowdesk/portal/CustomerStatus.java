package io.flowdesk.portal;

import java.util.Map;

/**
 * Where a request stands, in the customer's words: a ticket's status as its flow sets it, read as one of five that
 * the portal's pages name in Chinese and English. A status an analyst adds reads as {@code in_progress}, so that no
 * internal name reaches a customer.
 */
final class CustomerStatus {

    static final String RECEIVED = "received";
    static final String IN_PROGRESS = "in_progress";
    static final String WAITING_FOR_YOU = "waiting_for_you";
    static final String RESOLVED = "resolved";
    static final String CLOSED = "closed";

    private static final Map<String, String> OF_TICKET_STATUS = Map.of(
            "new", RECEIVED,
            "in_progress", IN_PROGRESS,
            "reopened", IN_PROGRESS,
            "pending_customer", WAITING_FOR_YOU,
            "resolved", RESOLVED,
            "closed", CLOSED);

    private CustomerStatus() {
    }

    static String of(String ticketStatus) {
        return OF_TICKET_STATUS.getOrDefault(ticketStatus, IN_PROGRESS);
    }
}

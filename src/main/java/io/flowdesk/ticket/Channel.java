package io.flowdesk.ticket;

/** Where a ticket came in. */
public enum Channel {
    web, email, api, phone
}

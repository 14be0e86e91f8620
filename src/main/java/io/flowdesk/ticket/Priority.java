package io.flowdesk.ticket;

public enum Priority {
    urgent, high, normal, low
}

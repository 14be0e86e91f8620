package io.flowdesk.outbox;

/**
 * Delivers the outbox's messages of one channel (webhooks, say): a Spring bean, called by the dispatcher outside any
 * transaction, one message at a time. It answers what became of the message; an exception counts as a failed attempt
 * and is retried like one.
 */
public interface OutboxChannel {

    /** The channel's name, as messages name it ({@link NewMessage#channel()}). */
    String name();

    Delivery deliver(OutboxMessage message);
}

package io.flowdesk.outbox;

import java.util.function.Supplier;

/**
 * A message to send once the transaction that adds it commits.
 *
 * @param channel     which {@link OutboxChannel} delivers it ({@code webhook})
 * @param destination where to, within the channel (a webhook's id)
 * @param key         what it is about (a ticket number): messages with the same channel, destination and key are
 *                    delivered one after the other, in the order they were added
 * @param type        what kind of message it is, for people reading the outbox ({@code ticket.created})
 * @param externalId  the id the receiver knows it by (a webhook event's id)
 * @param payload     what is sent, made when the transaction commits (so that it can show what the whole
 *                    transaction did)
 */
public record NewMessage(String channel, String destination, String key, String type, String externalId,
                         Supplier<String> payload) {
}

package io.flowdesk.outbox;

import io.flowdesk.common.Problems;

import java.time.Instant;

/**
 * A stored message, as its channel gets it to deliver and as administrators see it.
 *
 * @param attempts      the attempts made so far
 * @param nextAttemptAt when it is due (again), while it is not delivered
 * @param lastError     what went wrong at the last failed attempt
 * @param settledAt     when it was delivered or cancelled
 */
public record OutboxMessage(long id, String channel, String destination, String key, String type, String externalId,
                            String payload, Status status, int attempts, Instant createdAt, Instant nextAttemptAt,
                            Instant lastAttemptAt, String lastError, Instant settledAt) {

    public enum Status {
        /** Not tried yet. */
        PENDING,
        /** Its last attempt failed; tried again at nextAttemptAt. */
        FAILED,
        DELIVERED,
        /** Its destination went away (a webhook deleted) before it was delivered. */
        CANCELLED;

        /** The status of that name, in any case (a list filter), or null for none. */
        public static Status named(String name) {
            if (name == null) {
                return null;
            }
            for (Status known : values()) {
                if (known.name().equalsIgnoreCase(name.strip())) {
                    return known;
                }
            }
            throw Problems.badField("status", "must be one of pending, failed, delivered, cancelled");
        }
    }
}

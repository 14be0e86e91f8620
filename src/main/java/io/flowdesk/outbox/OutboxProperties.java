package io.flowdesk.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The outbox's dispatcher ({@code flowdesk.outbox.*}).
 *
 * @param dispatch     whether this node sends due messages by itself, every {@code interval} (tests call
 *                     {@link OutboxDispatcher#dispatchDue()} instead)
 * @param interval     the pause between two looks for due messages
 * @param batchSize    how many due messages one look takes
 * @param retryBase    the wait after a first failed attempt; it doubles with every further failure...
 * @param retryMax     ...up to this
 * @param claimTimeout how long a node may take over one delivery before another node may try it again; longer than
 *                     any channel's own timeout
 * @param retention    how long a delivered (or cancelled) message is kept, for administrators to look at; an
 *                     undelivered one is never deleted
 */
@ConfigurationProperties("flowdesk.outbox")
public record OutboxProperties(Boolean dispatch, Duration interval, Integer batchSize, Duration retryBase,
                               Duration retryMax, Duration claimTimeout, Duration retention) {

    public OutboxProperties {
        dispatch = dispatch == null || dispatch;
        interval = interval == null ? Duration.ofSeconds(2) : interval;
        batchSize = batchSize == null ? 100 : batchSize;
        retryBase = retryBase == null ? Duration.ofSeconds(10) : retryBase;
        retryMax = retryMax == null ? Duration.ofHours(1) : retryMax;
        claimTimeout = claimTimeout == null ? Duration.ofMinutes(2) : claimTimeout;
        retention = retention == null ? Duration.ofDays(7) : retention;
    }

    /** The wait before the next attempt after this many failed ones: retryBase, doubled each time, at most retryMax. */
    Duration retryDelay(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration delay = retryBase.multipliedBy(1L << doublings);
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}

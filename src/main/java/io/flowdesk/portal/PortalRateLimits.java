package io.flowdesk.portal;

import com.github.benmanes.caffeine.cache.Ticker;
import io.flowdesk.common.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * What one client address may do in the portal: {@code submissions} (new requests, messages, ratings: each stores
 * something and may carry files) and {@code lookups} (a ticket number with an e-mail address, which could otherwise
 * be tried by the thousand). Over the limit: 429 with {@code Retry-After}. The address is the connection's, or the
 * client's as a proxy in front reports it when Flowdesk trusts its headers ({@code server.forward-headers-strategy});
 * an IPv6 client counts by its /64 ({@link ClientAddress}).
 */
@Component
class PortalRateLimits {

    private static final Logger log = LoggerFactory.getLogger(PortalRateLimits.class);

    private final RateLimit submissions;
    private final RateLimit lookups;

    PortalRateLimits(PortalProperties properties) {
        PortalProperties.Limits limits = properties.limits();
        this.submissions = new RateLimit(limits.submissions().count(), limits.submissions().per(), Ticker.systemTicker());
        this.lookups = new RateLimit(limits.lookups().count(), limits.lookups().per(), Ticker.systemTicker());
    }

    void submission(HttpServletRequest request) {
        spend(submissions, "submissions", ClientAddress.of(request));
    }

    void lookup(HttpServletRequest request) {
        spend(lookups, "look-ups", ClientAddress.of(request));
    }

    private static void spend(RateLimit limit, String kind, String address) {
        if (limit.take(address)) {
            return;
        }
        if (limit.justRanOut(address)) {
            log.warn("Portal {} from {} refused until its window of {} is over", kind, address, limit.window());
        }
        ErrorResponseException tooMany = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "Too many portal " + kind + " from this address; try again later");
        tooMany.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(limit.window().toSeconds()));
        throw tooMany;
    }
}

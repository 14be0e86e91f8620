package io.flowdesk.portal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customer portal ({@code flowdesk.portal.*}).
 *
 * @param secret            signs the portal's links (HMAC-SHA256), at least 32 characters; env
 *                          {@code FLOWDESK_PORTAL_SECRET}. Unset: a key made once and kept in the database
 *                          ({@link PortalSecret}); a shorter one stops the start, as it would sign links anyone could
 *                          forge
 * @param publicUrl         where customers reach Flowdesk, for the links in mails ({@link PortalLinks})
 * @param ticketTypes       the ticket types customers may open, by key, with the name they read: Chinese, then English
 *                          ({@code 咨询 Question}); a key no deployed type has is left out
 * @param choices           what customers read for the values of a choice field ({@code damaged: 商品损坏 Damaged});
 *                          a value without one shows as it is
 * @param maxAttachmentSize the largest file a customer may attach
 * @param maxAttachments    the most files one request or message may carry
 * @param limits            per client address: new requests, messages and ratings; look-ups by number and e-mail
 */
@Validated
@ConfigurationProperties("flowdesk.portal")
public record PortalProperties(
        @Size(min = 32, message = "must be at least 32 characters (FLOWDESK_PORTAL_SECRET), e.g. openssl rand -base64 48")
        String secret,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        Map<String, String> ticketTypes,
        Map<String, String> choices,
        @DefaultValue("5MB") DataSize maxAttachmentSize,
        @DefaultValue("3") @Min(0) int maxAttachments,
        @DefaultValue @Valid Limits limits) {

    public PortalProperties {
        ticketTypes = ticketTypes == null ? Map.of() : new LinkedHashMap<>(ticketTypes);
        choices = choices == null ? Map.of() : Map.copyOf(choices);
        limits = limits == null ? new Limits(null, null) : limits;
    }

    /** How many requests of a kind one client address may make in a window. */
    public record Limit(@Min(1) int count, @NotNull Duration per) {
    }

    public record Limits(@Valid Limit submissions, @Valid Limit lookups) {

        public Limits {
            submissions = submissions == null ? new Limit(20, Duration.ofHours(1)) : submissions;
            lookups = lookups == null ? new Limit(20, Duration.ofMinutes(10)) : lookups;
        }
    }
}

package io.flowdesk.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The security headers of {@link SecurityHeaders}. The content security policy is for our own responses (the
 * API, engine REST, Swagger UI, error pages); Tasklist, Cockpit and Admin send Camunda's own
 * ({@code camunda.bpm.webapp.header-security.*}), with a nonce per page for their scripts. HSTS goes only with
 * responses to requests that came over HTTPS (behind a proxy that ends TLS: {@code server.forward-headers-strategy});
 * a max-age of 0 leaves it out.
 */
@ConfigurationProperties("flowdesk.security.headers")
public record SecurityHeadersProperties(
        @DefaultValue("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none';"
                + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'") String contentSecurityPolicy,
        @DefaultValue("DENY") String frameOptions,
        @DefaultValue("same-origin") String referrerPolicy,
        @DefaultValue("365d") Duration strictTransportSecurityMaxAge) {
}

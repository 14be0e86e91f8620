package io.flowdesk.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A production start: set by the {@code mysql} profile ({@code application-mysql.yml}), off for the embedded H2
 * trial. On a production start {@link ProductionStartCheck} requires an administrator password of the operator's
 * own, of at least {@code adminPasswordMinLength} characters.
 */
@ConfigurationProperties("flowdesk.production")
public record ProductionProperties(
        boolean enabled,
        @DefaultValue("12") int adminPasswordMinLength) {
}

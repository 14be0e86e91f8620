package io.flowdesk.portal;

import io.flowdesk.security.ProductionProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key of the portal's links: the configured secret when there is one (at least 32 characters, or the start
 * stops); otherwise one made once and kept in the database, so that links sent before a restart keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalSecretTest {

    @Autowired PortalSecret secret;
    @Autowired PortalProperties properties;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;

    @Test
    void without_a_configured_secret_a_key_is_made_once_and_read_again_after_a_restart() {
        byte[] key = secret.key();

        PortalSecret afterARestart = new PortalSecret(properties, new ProductionProperties(false, 12), jdbc,
                transactions, clock);

        assertThat(key).hasSize(32);
        assertThat(afterARestart.key()).isEqualTo(key);
        assertThat(jdbc.queryForObject("select count(*) from portal_secret", Integer.class)).isEqualTo(1);
    }

    @Test
    void a_configured_secret_signs_instead_of_the_kept_key() {
        String configured = "a-secret-of-the-operator-with-more-than-32-characters";
        PortalSecret own = new PortalSecret(withSecret(configured), new ProductionProperties(true, 12), jdbc,
                transactions, clock);

        assertThat(own.key()).isEqualTo(configured.getBytes(StandardCharsets.UTF_8));
        assertThat(new PortalTokens(own).tokenFor("TK-000001"))
                .isNotEqualTo(new PortalTokens(secret).tokenFor("TK-000001"));
    }

    @Test
    void a_secret_shorter_than_32_characters_stops_the_start_saying_what_to_set() {
        new ApplicationContextRunner()
                .withUserConfiguration(PortalPropertiesOnly.class)
                .withInitializer(context -> context.getEnvironment().getSystemProperties()
                        .put("flowdesk.portal.secret", "changeme"))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("flowdesk.portal.secret")
                        .hasMessageContaining("at least 32 characters"));
    }

    private PortalProperties withSecret(String configured) {
        return new PortalProperties(configured, URI.create("http://localhost"), null, null, DataSize.ofMegabytes(5),
                3, null);
    }

    @EnableConfigurationProperties(PortalProperties.class)
    @ImportAutoConfiguration(ValidationAutoConfiguration.class)
    static class PortalPropertiesOnly {
    }
}

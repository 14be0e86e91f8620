package io.flowdesk.portal;

import io.flowdesk.security.ProductionProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class PortalTokensTest {

    private final PortalTokens tokens = new PortalTokens(new PortalSecret(new PortalProperties(
            "a-secret-of-the-operator-with-more-than-32-characters", URI.create("https://desk.example.com"), null,
            null, DataSize.ofMegabytes(5), 3, null), new ProductionProperties(true, 12), null, null,
            Clock.systemUTC()));

    @Test
    void a_ticket_has_one_token_that_names_no_other_ticket() {
        String token = tokens.tokenFor("TK-000123");

        assertThat(token).hasSize(22).isEqualTo(tokens.tokenFor("TK-000123"));
        assertThat(tokens.matches("TK-000123", token)).isTrue();
        assertThat(tokens.matches("TK-000124", token)).isFalse();
        assertThat(tokens.tokenFor("TK-000124")).isNotEqualTo(token);
    }

    @Test
    void a_changed_shortened_missing_or_garbled_token_is_refused() {
        String token = tokens.tokenFor("TK-000123");
        String changed = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        assertThat(tokens.matches("TK-000123", changed)).isFalse();
        assertThat(tokens.matches("TK-000123", token.substring(0, 21))).isFalse();
        assertThat(tokens.matches("TK-000123", token + "A")).isFalse();
        assertThat(tokens.matches("TK-000123", null)).isFalse();
        assertThat(tokens.matches("TK-000123", "")).isFalse();
        assertThat(tokens.matches("TK-000123", "%%%")).isFalse();
    }

    @Test
    void links_start_with_the_public_url() {
        PortalLinks links = new PortalLinks(new PortalProperties(null, URI.create("https://desk.example.com/help"),
                null, null, DataSize.ofMegabytes(5), 3, null), tokens);

        assertThat(links.ticketLink("TK-000123"))
                .isEqualTo("https://desk.example.com/help/portal/t/TK-000123?k=" + tokens.tokenFor("TK-000123"));
        assertThat(links.surveyLink("TK-000123"))
                .isEqualTo("https://desk.example.com/help/portal/t/TK-000123/rate?k=" + tokens.tokenFor("TK-000123"));
    }
}

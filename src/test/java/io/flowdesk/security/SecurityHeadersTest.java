package io.flowdesk.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** HSTS only over HTTPS, and Camunda's webapps keep their own content security policy. */
class SecurityHeadersTest {

    private static final SecurityHeadersProperties DEFAULTS = new SecurityHeadersProperties("default-src 'self'",
            "DENY", "same-origin", Duration.ofDays(365));

    @Test
    void hsts_goes_with_responses_to_https_requests_only() throws Exception {
        MockHttpServletRequest https = new MockHttpServletRequest("GET", "/api/tickets");
        https.setSecure(true);
        assertThat(headersFor(https, DEFAULTS).getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(headersFor(new MockHttpServletRequest("GET", "/api/tickets"), DEFAULTS)
                .containsHeader("Strict-Transport-Security")).isFalse();
    }

    @Test
    void a_max_age_of_zero_sends_no_hsts() throws Exception {
        MockHttpServletRequest https = new MockHttpServletRequest("GET", "/api/tickets");
        https.setSecure(true);
        assertThat(headersFor(https, new SecurityHeadersProperties("default-src 'self'", "DENY", "same-origin",
                Duration.ZERO)).containsHeader("Strict-Transport-Security")).isFalse();
    }

    @Test
    void camundas_webapp_pages_get_every_header_but_the_content_security_policy() throws Exception {
        MockHttpServletRequest tasklist = new MockHttpServletRequest("GET", "/flowdesk/camunda/app/tasklist/");
        tasklist.setContextPath("/flowdesk");
        MockHttpServletResponse response = headersFor(tasklist, DEFAULTS);
        assertThat(response.containsHeader("Content-Security-Policy")).isFalse();
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }

    private static MockHttpServletResponse headersFor(MockHttpServletRequest request,
                                                      SecurityHeadersProperties properties) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeaders(properties, List.of("/camunda/app/", "/camunda/api/"))
                .doFilter(request, response, new MockFilterChain());
        return response;
    }
}

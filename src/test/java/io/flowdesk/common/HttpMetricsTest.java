package io.flowdesk.common;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP request timers ({@code http.server.requests}) are off unless FLOWDESK_HTTP_METRICS asks for them (they cost
 * about 1.5 % of a ticket create's CPU, and nothing reads them unless a metrics endpoint is exposed).
 */
class HttpMetricsTest {

    static void listTickets(TestRestTemplate http) {
        assertThat(http.withBasicAuth("alice", "demo").getForEntity("/api/tickets", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** The API tests' context: the default. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("test")
    class ByDefault {

        @Autowired TestRestTemplate http;
        @Autowired MeterRegistry meters;

        @Test
        void requestsAreNotTimed() {
            listTickets(http);
            assertThat(meters.find("http.server.requests").timers()).isEmpty();
        }
    }

    /**
     * A second application context: its engine gets a name of its own, or Camunda's static engine registry would
     * hand this context's engine to the other context's engine REST (both would be "default").
     */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"FLOWDESK_HTTP_METRICS=true", "camunda.bpm.process-engine-name=httpMetricsTest"})
    @ActiveProfiles("test")
    class WhenAskedFor {

        @Autowired TestRestTemplate http;
        @Autowired MeterRegistry meters;

        @Test
        void requestsAreTimedByUriAndStatus() {
            listTickets(http);
            assertThat(meters.find("http.server.requests").tag("uri", "/api/tickets").tag("status", "200").timer())
                    .isNotNull();
        }
    }
}

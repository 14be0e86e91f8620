package io.flowdesk.portal;

import io.flowdesk.portal.CustomerInPortal.Answer;
import io.flowdesk.portal.CustomerInPortal.Ticket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps the portal, open to anyone, from being abused: limits per client address, no request another site's
 * page can make for its visitors, a content security policy that runs the portal's own scripts only, and answers no
 * cache keeps; while everything under /api still needs an agent's login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalLimitsTest {

    private static final String PORTAL_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Autowired TestRestTemplate http;
    @Autowired PortalProperties portal;

    @Test
    void look_ups_by_number_and_e_mail_beyond_the_limit_of_an_address_answer_429_with_retry_after() {
        CustomerInPortal guesser = new CustomerInPortal(http);
        Ticket ticket = new CustomerInPortal(http).submitsAQuestion();
        for (int guess = 0; guess < portal.limits().lookups().count(); guess++) {
            assertThat(guesser.lookup(ticket.number(), "guess" + guess + "@example.com").status()).isEqualTo(404);
        }

        Answer refused = guesser.lookup(ticket.number(), "guess@example.com");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.headers().getFirst("Retry-After"))
                .isEqualTo(String.valueOf(portal.limits().lookups().per().toSeconds()));
        assertThat(new CustomerInPortal(http).lookup(ticket.number(), "guess@example.com").status())
                .as("another address").isEqualTo(404);
    }

    @Test
    void submissions_beyond_the_limit_of_an_address_answer_429_new_requests_and_messages_alike() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = customer.submitsAQuestion();
        for (int message = 1; message < portal.limits().submissions().count(); message++) {
            assertThat(customer.answer(ticket, "留言 " + message, Map.of()).status()).isEqualTo(201);
        }

        assertThat(customer.answer(ticket, "one too many", Map.of()).status()).isEqualTo(429);
        assertThat(customer.submit(CustomerInPortal.POINTS_QUESTION.formatted(customer.email()), Map.of()).status())
                .isEqualTo(429);
        assertThat(customer.ticket(ticket).status()).as("reading goes on").isEqualTo(200);
    }

    @Test
    void a_changing_request_without_the_portals_header_is_refused() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = customer.submitsAQuestion();

        Answer forged = customer.withoutThePortalsHeader("/portal/api/lookup",
                "{\"number\":\"" + ticket.number() + "\",\"email\":\"" + customer.email() + "\"}");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(forged.json().get("detail").asText()).contains("X-Flowdesk-Portal");
    }

    @Test
    void portal_pages_and_answers_run_the_portals_own_scripts_only_and_are_not_cached() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = customer.submitsAQuestion();

        for (Answer answer : List.of(customer.get("/portal/"), customer.get("/portal/portal.js"),
                customer.get("/portal/t/" + ticket.number() + "?k=" + ticket.token()), customer.ticket(ticket),
                customer.ticket(ticket.number(), "wrong"))) {
            assertThat(answer.headers().getFirst("Content-Security-Policy")).isEqualTo(PORTAL_POLICY);
            assertThat(answer.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.headers().getFirst("X-Frame-Options")).isEqualTo("DENY");
        }
        assertThat(customer.ticket(ticket).headers().getCacheControl()).isEqualTo("no-store");
        assertThat(customer.get("/portal").status()).as("to /portal/").isEqualTo(200);
    }

    @Test
    void the_agents_api_still_needs_a_login() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = customer.submitsAQuestion();

        assertThat(customer.get("/api/tickets/" + ticket.number()).status()).isEqualTo(401);
        assertThat(customer.get("/api/tickets").status()).isEqualTo(401);
        assertThat(customer.get("/api/ticket-types").status()).isEqualTo(401);
    }
}

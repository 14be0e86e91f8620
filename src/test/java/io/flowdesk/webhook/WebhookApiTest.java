package io.flowdesk.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/webhooks}: administrators only, inputs checked and named, and nothing written for tickets while no
 * webhook wants their events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebhookApiTest {

    private static final String RECEIVER = "https://crm.example.com/flowdesk/hooks";

    @Autowired JdbcTemplate jdbc;
    private final Desk desk;

    WebhookApiTest(@Autowired TestRestTemplate http) {
        desk = new Desk(http);
    }

    @AfterEach
    void withdrawTickets(@Autowired RuntimeService engine) {
        desk.withdrawOpened(engine);
    }

    @Test
    void only_administrators_register_list_read_and_delete_webhooks() {
        JsonNode webhook = desk.register(RECEIVER, "[\"ticket.created\"]");
        long id = webhook.get("id").asLong();
        try {
            for (String user : List.of("alice", "sam", "mia", "ana", "crm")) {
                assertForbidden(desk.get(user, "/api/webhooks"), user);
                assertForbidden(desk.get(user, "/api/webhooks/" + id), user);
                assertForbidden(desk.get(user, "/api/webhooks/" + id + "/deliveries?status=failed"), user);
                assertForbidden(desk.post(user, "/api/webhooks",
                        "{\"url\":\"" + RECEIVER + "\",\"events\":[\"ticket.created\"]}"), user);
                assertForbidden(desk.call(user, HttpMethod.DELETE, "/api/webhooks/" + id, null), user);
            }
            assertThat(desk.get("admin", "/api/webhooks/" + id).getBody().get("url").asText()).isEqualTo(RECEIVER);
        } finally {
            desk.delete(id);
        }
        assertThat(desk.get("admin", "/api/webhooks/" + id).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void a_new_webhook_gets_a_secret_shown_once_or_keeps_the_one_given() {
        JsonNode made = desk.register(RECEIVER, "[\"ticket.closed\",\"ticket.created\",\"ticket.closed\"]");
        JsonNode given = desk.post("admin", "/api/webhooks", "{\"url\":\"" + RECEIVER
                + "\",\"events\":[\"ticket.replied\"],\"secret\":\"our-own-secret-of-some-length\"}").getBody();
        try {
            assertThat(made.get("secret").asText()).startsWith("whsec_").hasSizeGreaterThan(40);
            assertThat(made.get("events")).extracting(JsonNode::asText)
                    .containsExactly("ticket.closed", "ticket.created");
            assertThat(made.get("createdBy").asText()).isEqualTo("admin");
            assertThat(given.get("secret").asText()).isEqualTo("our-own-secret-of-some-length");
            assertThat(desk.get("admin", "/api/webhooks").getBody().toString()).doesNotContain("secret");
        } finally {
            desk.delete(made.get("id").asLong());
            desk.delete(given.get("id").asLong());
        }
    }

    @Test
    void bad_input_is_a_400_naming_the_field() {
        assertBadField(register("ftp://crm.example.com/hooks", "[\"ticket.created\"]"), "url");
        assertBadField(register("not a url at all", "[\"ticket.created\"]"), "url");
        assertBadField(register("https:///no-host", "[\"ticket.created\"]"), "url");
        assertBadField(register("", "[\"ticket.created\"]"), "url");
        assertBadField(register(RECEIVER, "[\"ticket.created\",\"ticket.exploded\"]"), "events");
        assertBadField(register(RECEIVER, "[]"), "events");
        assertBadField(desk.post("admin", "/api/webhooks", "{\"url\":\"" + RECEIVER
                + "\",\"events\":[\"ticket.created\"],\"secret\":\"short\"}"), "secret");
        JsonNode webhook = desk.register(RECEIVER, "[\"ticket.created\"]");
        try {
            assertBadField(desk.get("admin", "/api/webhooks/" + webhook.get("id") + "/deliveries?status=lost"),
                    "status");
        } finally {
            desk.delete(webhook.get("id").asLong());
        }
        assertThat(register(RECEIVER, "[\"ticket.exploded\"]").getBody().get("detail").asText())
                .contains("ticket.exploded", "ticket.sla_breached");
    }

    @Test
    void without_a_webhook_a_ticket_change_writes_nothing_to_the_outbox() {
        String number = desk.open();
        desk.reply("tom", number, "收到");
        desk.complete(number, "acceptInquiry", "{}");

        assertThat(outboxRowsOf(number)).isZero();
    }

    @Test
    void a_deleted_webhook_gets_nothing_more_and_what_it_had_not_been_sent_is_cancelled() {
        long id = desk.register(RECEIVER, "[\"ticket.created\",\"ticket.replied\"]").get("id").asLong();
        String before = desk.open();
        desk.delete(id);
        String after = desk.open();
        desk.reply("tom", before, "收到");

        assertThat(outboxRowsOf(before)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from outbox_message where ordering_key = ?", String.class,
                before)).isEqualTo("CANCELLED");
        assertThat(outboxRowsOf(after)).isZero();
    }

    private long outboxRowsOf(String number) {
        return jdbc.queryForObject("select count(*) from outbox_message where ordering_key = ?", Long.class, number);
    }

    private ResponseEntity<JsonNode> register(String url, String events) {
        return desk.post("admin", "/api/webhooks", "{\"url\":\"" + url + "\",\"events\":" + events + "}");
    }

    private static void assertForbidden(ResponseEntity<JsonNode> response, String user) {
        assertThat(response.getStatusCode().value()).as(user).isEqualTo(403);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    private static void assertBadField(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
    }
}

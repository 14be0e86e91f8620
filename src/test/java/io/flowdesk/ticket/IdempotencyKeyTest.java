package io.flowdesk.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27, item 7: {@code POST /api/tickets} honours {@code Idempotency-Key}: a retry returns the first ticket, never
 * a second, also when 20 retries arrive at once; the same key with another request is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdempotencyKeyTest {

    @Autowired TestRestTemplate http;

    @Test
    void a_retry_with_the_same_key_returns_the_first_ticket() {
        String customer = "retry." + System.nanoTime() + "@example.com";
        String key = "order-sync-" + System.nanoTime();

        ResponseEntity<JsonNode> first = create(customer, key, "alice");
        ResponseEntity<JsonNode> retry = create(customer, key, "alice");

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(retry.getBody().get("number")).isEqualTo(first.getBody().get("number"));
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(ticketsOf(customer)).isEqualTo(1);
    }

    @Test
    void a_retry_returns_the_ticket_also_when_it_went_to_a_department_the_caller_cannot_see() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "printer-" + System.nanoTime());
        HttpEntity<String> printer = new HttpEntity<>("""
                {"type":"inquiry","subject":"打印机无法连接","customer":{"name":"张三"}}""", headers);

        ResponseEntity<JsonNode> first = http.withBasicAuth("alice", "demo").postForEntity("/api/tickets", printer,
                JsonNode.class);
        ResponseEntity<JsonNode> retry = http.withBasicAuth("alice", "demo").postForEntity("/api/tickets", printer,
                JsonNode.class);

        assertThat(first.getBody().get("group").asText()).as("routed away from alice's support").isNotEqualTo("support");
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody().get("number")).isEqualTo(first.getBody().get("number"));
    }

    @Test
    void twenty_retries_at_once_make_one_ticket() throws Exception {
        String customer = "burst." + System.nanoTime() + "@example.com";
        String key = "burst-" + System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Callable<ResponseEntity<JsonNode>>> requests = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                requests.add(() -> create(customer, key, "alice"));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : clients.invokeAll(requests)) {
                assertThat(answer.get().getStatusCode().value()).as("%s", answer.get().getBody()).isEqualTo(201);
                numbers.add(answer.get().getBody().get("number").asText());
            }
            assertThat(numbers).hasSize(20).containsOnly(numbers.get(0));
        } finally {
            clients.shutdownNow();
        }
        assertThat(ticketsOf(customer)).isEqualTo(1);
    }

    @Test
    void a_key_is_the_callers_own_and_reused_for_another_request_is_refused() {
        String key = "shared-" + System.nanoTime();
        String customer = "mine." + System.nanoTime() + "@example.com";
        ResponseEntity<JsonNode> alices = create(customer, key, "alice");
        ResponseEntity<JsonNode> bobs = create(customer, key, "bob");
        assertThat(bobs.getBody().get("number")).as("another caller's key is not alice's")
                .isNotEqualTo(alices.getBody().get("number"));

        ResponseEntity<JsonNode> other = create("someone.else@example.com", key, "alice");
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(other.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(other.getBody().get("detail").asText()).contains(alices.getBody().get("number").asText());

        ResponseEntity<JsonNode> bad = create(customer, "a key with spaces", "alice");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().toString()).contains("Idempotency-Key");
    }

    private ResponseEntity<JsonNode> create(String customerEmail, String key, String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", key);
        return http.withBasicAuth(user, "demo").postForEntity("/api/tickets", new HttpEntity<>("""
                {"type":"inquiry","subject":"会员积分没有到账","customer":{"name":"王五","email":"%s"}}"""
                .formatted(customerEmail), headers), JsonNode.class);
    }

    private long ticketsOf(String customerEmail) {
        return http.withBasicAuth("admin", "admin").getForEntity("/api/tickets?customerEmail=" + customerEmail,
                JsonNode.class).getBody().get("totalItems").asLong();
    }
}

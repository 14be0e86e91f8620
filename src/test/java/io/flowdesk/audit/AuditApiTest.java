package io.flowdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/audit}: administrators only, filters, pages, and nothing that writes. */
class AuditApiTest extends InTheApiTestsContext {

    @Test
    void only_administrators_read_the_audit_log() {
        for (String user : List.of("alice", "sam", "mia", "ana")) {
            ResponseEntity<JsonNode> refused = api.get(user, "/api/audit");
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
        assertThat(api.get("alice", "/api/audit/1").getStatusCode().value()).isEqualTo(403);
        assertThat(api.get("admin", "/api/audit").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void the_audit_log_cannot_be_written_through_the_api() {
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            assertThat(api.call("admin", method, "/api/audit", "{}").getStatusCode().value()).as(method.name())
                    .isEqualTo(405);
            assertThat(api.call("admin", method, "/api/audit/1", "{}").getStatusCode().value()).as(method.name())
                    .isEqualTo(405);
        }
    }

    @Test
    void the_list_filters_by_action_actor_target_and_time_and_pages_newest_first() {
        String unknown = "paging" + System.nanoTime();
        for (int attempt = 0; attempt < 3; attempt++) {
            http.withBasicAuth(unknown, "wrong").getForEntity("/api/tickets", String.class);
        }
        String mine = "targetType=user&targetId=" + unknown;

        JsonNode first = api.get("admin", "/api/audit?" + mine + "&size=2&page=0").getBody();
        JsonNode second = api.get("admin", "/api/audit?" + mine + "&size=2&page=1").getBody();

        assertThat(first.get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);
        long newest = first.at("/items/0/id").asLong();
        long middle = first.at("/items/1/id").asLong();
        long oldest = second.at("/items/0/id").asLong();
        assertThat(newest).isGreaterThan(middle);
        assertThat(middle).isGreaterThan(oldest);
        String oldestAt = second.at("/items/0/occurredAt").asText();
        assertThat(api.audit(mine + "&action=login_failed&actor=anonymous")).hasSize(3);
        assertThat(api.audit(mine + "&from=" + oldestAt)).as("from is inclusive").hasSize(3);
        assertThat(api.audit(mine + "&to=" + oldestAt)).as("to is exclusive").isEmpty();
        assertThat(api.audit(mine + "&from=2999-01-01T00:00:00Z")).isEmpty();
        assertThat(api.audit(mine + "&action=ACCESS_REFUSED")).isEmpty();
        assertThat(api.audit(mine + "&actor=admin")).isEmpty();
        assertThat(api.get("admin", "/api/audit/" + newest).getBody().get("targetId").asText()).isEqualTo(unknown);
        assertThat(api.get("admin", "/api/audit?size=500").getBody().get("size").asInt()).isEqualTo(100);
    }

    @Test
    void bad_filter_values_are_named() {
        assertBadField(api.get("admin", "/api/audit?action=EVERYTHING"), "action");
        assertThat(api.get("admin", "/api/audit?action=EVERYTHING").getBody().get("detail").asText())
                .contains("LOGIN_FAILED", "TASK_REASSIGNED");
        assertBadField(api.get("admin", "/api/audit?from=yesterday"), "from");
        assertBadField(api.get("admin", "/api/audit?to=2026-13-01T00:00:00Z"), "to");
        assertBadField(api.get("admin", "/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), "to");
        assertBadField(api.get("admin", "/api/audit?actor=" + "x".repeat(65)), "actor");
        assertThat(api.get("admin", "/api/audit/999999999").getStatusCode().value()).isEqualTo(404);
    }

    private static void assertBadField(ResponseEntity<JsonNode> response, String field) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo(field);
    }
}

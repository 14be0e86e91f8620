package io.flowdesk.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27, item 7: API keys for integrating systems, separate from agents' logins: an administrator makes one with
 * what it may do (shown once), the system opens and reads its own tickets with it and nothing beyond its scopes,
 * and a revoked key no longer opens anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiKeyTest {

    @Autowired TestRestTemplate http;

    @Test
    void a_system_opens_and_reads_its_own_tickets_with_its_key_and_nothing_beyond_its_scopes() {
        String name = "erp-" + System.nanoTime() % 1_000_000;
        ResponseEntity<JsonNode> made = asAdmin(HttpMethod.POST, "/api/api-keys", """
                {"name":"%s","scopes":["tickets:create","tickets:read"]}""".formatted(name));
        assertThat(made.getStatusCode().value()).isEqualTo(201);
        String key = made.getBody().get("key").asText();
        assertThat(key).startsWith("fdk_").hasSizeGreaterThan(40);
        assertThat(made.getBody().get("actsAs").asText()).isEqualTo("system:" + name);
        assertThat(asAdmin(HttpMethod.GET, "/api/api-keys", null).getBody().toString())
                .contains(name).doesNotContain(key);

        ResponseEntity<JsonNode> opened = withKey(HttpMethod.POST, "/api/tickets", key, """
                {"type":"inquiry","subject":"ERP 同步：发票抬头错误","customer":{"name":"某某科技"}}""");
        assertThat(opened.getStatusCode().value()).isEqualTo(201);
        String number = opened.getBody().get("number").asText();
        assertThat(opened.getBody().at("/timeline/0/actor").asText()).isEqualTo("system:" + name);
        assertThat(withKey(HttpMethod.GET, "/api/tickets/" + number, key, null).getStatusCode().value())
                .isEqualTo(200);

        String alices = http.withBasicAuth("alice", "demo").exchange("/api/tickets", HttpMethod.POST,
                json("""
                        {"type":"inquiry","subject":"会员积分没有到账","customer":{"name":"李雷"}}"""), JsonNode.class)
                .getBody().get("number").asText();
        assertThat(withKey(HttpMethod.GET, "/api/tickets/" + alices, key, null).getStatusCode().value())
                .as("a ticket the system did not open").isEqualTo(404);
        ResponseEntity<JsonNode> comment = withKey(HttpMethod.POST, "/api/tickets/" + number + "/comments", key,
                "{\"visibility\":\"public\",\"body\":\"hi\"}");
        assertThat(comment.getStatusCode().value()).as("no tickets:comment scope").isEqualTo(403);
        assertThat(comment.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(withKey(HttpMethod.GET, "/api/agents", key, null).getStatusCode().value()).isEqualTo(403);
        assertThat(withKey(HttpMethod.GET, "/engine-rest/task", key, null).getStatusCode().value()).isEqualTo(403);

        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth(key);
        assertThat(http.exchange("/api/tickets/" + number, HttpMethod.GET, new HttpEntity<>(bearer), JsonNode.class)
                .getStatusCode().value()).as("Authorization: Bearer").isEqualTo(200);

        long id = made.getBody().get("id").asLong();
        assertThat(asAdmin(HttpMethod.DELETE, "/api/api-keys/" + id, null).getStatusCode().value()).isEqualTo(204);
        assertThat(withKey(HttpMethod.GET, "/api/tickets/" + number, key, null).getStatusCode().value())
                .as("revoked").isEqualTo(401);
        assertThat(withKey(HttpMethod.GET, "/api/tickets/" + number, "fdk_not-a-key", null).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void only_administrators_make_keys_and_bad_requests_name_the_field() {
        assertThat(http.withBasicAuth("alice", "demo").exchange("/api/api-keys", HttpMethod.POST,
                json("{\"name\":\"shop\",\"scopes\":[\"tickets:read\"]}"), String.class).getStatusCode().value())
                .isEqualTo(403);
        ResponseEntity<JsonNode> badScope = asAdmin(HttpMethod.POST, "/api/api-keys",
                "{\"name\":\"shop\",\"scopes\":[\"tickets:delete\"]}");
        assertThat(badScope.getStatusCode().value()).isEqualTo(400);
        assertThat(badScope.getBody().toString()).contains("scopes", "tickets:create");
        ResponseEntity<JsonNode> badName = asAdmin(HttpMethod.POST, "/api/api-keys",
                "{\"name\":\"Shop Web!\",\"scopes\":[\"tickets:read\"]}");
        assertThat(badName.getStatusCode().value()).isEqualTo(400);
        assertThat(badName.getBody().toString()).contains("name");

        String name = "dup-" + System.nanoTime() % 1_000_000;
        assertThat(asAdmin(HttpMethod.POST, "/api/api-keys", "{\"name\":\"" + name + "\",\"scopes\":[\"tickets:read\"]}")
                .getStatusCode().value()).isEqualTo(201);
        assertThat(asAdmin(HttpMethod.POST, "/api/api-keys", "{\"name\":\"" + name + "\",\"scopes\":[\"tickets:read\"]}")
                .getStatusCode().value()).isEqualTo(409);
    }

    private ResponseEntity<JsonNode> asAdmin(HttpMethod method, String path, String body) {
        return http.withBasicAuth("admin", "admin").exchange(path, method, json(body), JsonNode.class);
    }

    private ResponseEntity<JsonNode> withKey(HttpMethod method, String path, String key, String body) {
        HttpEntity<String> request = json(body);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.set("X-API-Key", key);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

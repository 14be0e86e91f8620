package io.flowdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins and refused requests, recorded although the request fails. */
class RefusalsInTheAuditLogTest extends InTheApiTestsContext {

    @LocalServerPort int port;

    @Test
    void a_failed_api_login_is_recorded_with_the_user_id_tried_and_the_client_address_never_the_password() {
        String unknown = "intruder" + System.nanoTime();
        assertThat(http.withBasicAuth(unknown, "Guessed-Pa55").getForEntity("/api/tickets", String.class)
                .getStatusCode().value()).isEqualTo(401);
        String user = "auditUser" + System.nanoTime() % 1_000_000;
        assertThat(api.post("admin", "/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"Audit","lastName":"Test"},"credentials":{"password":"Right-Pa55"}}"""
                .formatted(user)).getStatusCode().value()).isEqualTo(204);
        try {
            assertThat(http.withBasicAuth(user, "Wrong-Pa55").getForEntity("/engine-rest/task", String.class)
                    .getStatusCode().value()).isEqualTo(401);

            JsonNode noSuchUser = api.audit("action=LOGIN_FAILED&targetType=user&targetId=" + unknown).get(0);
            assertThat(noSuchUser.get("actor").asText()).isEqualTo("anonymous");
            assertThat(noSuchUser.get("source").asText()).isEqualTo("api");
            assertThat(noSuchUser.get("clientAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(noSuchUser.get("detail").asText()).isEqualTo("no such user");
            JsonNode wrongPassword = api.audit("action=LOGIN_FAILED&targetId=" + user).get(0);
            assertThat(wrongPassword.get("source").asText()).isEqualTo("engine-rest");
            assertThat(wrongPassword.get("detail").asText()).isEqualTo("wrong password");
            assertThat(api.audit("action=LOGIN_FAILED").toString()).doesNotContain("Pa55");
        } finally {
            api.call("admin", HttpMethod.DELETE, "/engine-rest/user/" + user, null);
        }
    }

    @Test
    void a_failed_login_on_the_webapps_login_page_is_recorded() throws Exception {
        String unknown = "intruder" + System.nanoTime();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(browser, HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
        String token = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                .orElseThrow();

        HttpResponse<String> login = send(browser, HttpRequest.newBuilder(
                        uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + unknown + "&password=Guessed-Pa55")));

        assertThat(login.statusCode()).isEqualTo(401);
        JsonNode failed = api.audit("action=LOGIN_FAILED&targetId=" + unknown).get(0);
        assertThat(failed.get("source").asText()).isEqualTo("webapp");
        assertThat(failed.get("clientAddress").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void refusals_of_our_api_are_recorded_but_a_ticket_that_does_not_exist_is_no_refusal() {
        String techTicket = api.open(Api.PRINTER_FAILURE).get("number").asText();
        JsonNode opened = api.post("crm", "/api/tickets", Api.PLAIN_INQUIRY).getBody();

        assertThat(api.call("alice", HttpMethod.PUT, "/api/agents/tom",
                "{\"skills\":[],\"capacity\":1,\"available\":false}").getStatusCode().value()).isEqualTo(403);
        assertThat(api.get("alice", "/api/tickets/" + techTicket).getStatusCode().value()).isEqualTo(404);
        assertThat(api.post("crm", "/api/tickets/" + opened.get("number").asText() + "/comments",
                "{\"visibility\":\"public\",\"body\":\"hello\"}").getStatusCode().value()).isEqualTo(403);
        assertThat(api.get("alice", "/api/tickets/TK-999999").getStatusCode().value()).isEqualTo(404);

        JsonNode profile = api.audit("action=ACCESS_REFUSED&actor=alice&targetType=request"
                + "&targetId=PUT /api/agents/tom").get(0);
        assertThat(profile.get("detail").asText()).startsWith("Only supervisors and administrators");
        JsonNode hidden = api.audit("action=ACCESS_REFUSED&targetType=ticket&targetId=" + techTicket).get(0);
        assertThat(hidden.get("actor").asText()).isEqualTo("alice");
        assertThat(hidden.get("detail").asText()).contains("404");
        assertThat(api.audit("action=ACCESS_REFUSED&actor=crm&targetId=" + opened.get("number").asText()))
                .singleElement().satisfies(entry -> assertThat(entry.get("detail").asText())
                        .isEqualTo("may read this ticket but not work on it"));
        assertThat(api.audit("targetId=TK-999999")).isEmpty();
    }

    @Test
    void a_request_the_engine_refuses_on_engine_rest_is_recorded_with_the_permission_it_lacks() {
        assertThat(api.deploy("alice", "agent-deploy", "check.bpmn", "<definitions/>").getStatusCode().value())
                .isEqualTo(403);

        JsonNode refused = api.audit("action=ACCESS_REFUSED&actor=alice&targetType=deployment").get(0);
        assertThat(refused.get("source").asText()).isEqualTo("engine-rest");
        assertThat(refused.get("detail").asText()).isEqualTo("needs CREATE on Deployment");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

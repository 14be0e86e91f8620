package io.flowdesk.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser meets on the embedded default (the same on the mysql profile): security headers on every
 * response, Camunda's CSRF protection of its webapps, a session that ends, and the login's brute-force delay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebSecurityTest {

    private static final String OUR_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'"
            + " 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired ServletWebServerApplicationContext web;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void every_response_of_ours_carries_the_security_headers_and_our_content_security_policy() {
        for (HttpResponse<String> response : List.of(get("/api/tickets", "alice:demo"), get("/api/tickets", null),
                get("/engine-rest/engine", "alice:demo"), get("/v3/api-docs", null), get("/nothing-here", null))) {
            assertThat(response.headers().map()).as(response.uri() + " " + response.statusCode())
                    .containsEntry("x-content-type-options", List.of("nosniff"))
                    .containsEntry("x-frame-options", List.of("DENY"))
                    .containsEntry("referrer-policy", List.of("same-origin"))
                    .containsEntry("content-security-policy", List.of(OUR_POLICY))
                    .as("no HSTS over plain HTTP").doesNotContainKey("strict-transport-security");
        }
    }

    @Test
    void tasklist_pages_carry_camundas_own_content_security_policy_and_our_other_headers() {
        HttpResponse<String> page = get(TASKLIST, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("content-security-policy")).singleElement().asString()
                .contains("script-src 'nonce-").contains("frame-ancestors 'none'");
        assertThat(page.headers().map())
                .containsEntry("x-content-type-options", List.of("nosniff"))
                .containsEntry("x-frame-options", List.of("DENY"))
                .containsEntry("referrer-policy", List.of("same-origin"));
    }

    @Test
    void the_webapp_session_cookie_is_http_only_same_site_and_ends_after_30_idle_minutes() {
        List<String> cookies = get(TASKLIST, null).headers().allValues("set-cookie");
        assertThat(cookies).filteredOn(cookie -> cookie.startsWith("JSESSIONID=")).singleElement().asString()
                .contains("; HttpOnly").containsOnlyOnce("SameSite=Lax").doesNotContain("Secure");
        assertThat(web.getServletContext().getSessionTimeout()).as("minutes").isEqualTo(30);
    }

    @Test
    void a_webapp_request_without_the_csrf_token_is_refused_and_ends_the_session() {
        get(TASKLIST, null);
        assertThat(post("/camunda/api/admin/auth/user/default/login/tasklist", csrfCookie(),
                "application/x-www-form-urlencoded", "username=alice&password=demo").statusCode()).isEqualTo(200);
        // the login starts a new session; its token comes with the next request, as Tasklist reads it
        String token = get(WEBAPP_ENGINE + "/task/count", null).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        assertThat(post(WEBAPP_ENGINE + "/task", token, "application/json", "{}").statusCode()).isEqualTo(200);

        HttpResponse<String> forged = post(WEBAPP_ENGINE + "/task", null, "application/json", "{}");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
        assertThat(get(WEBAPP_ENGINE + "/task/count", null).statusCode()).as("logged out").isEqualTo(401);
    }

    @Test
    void cockpit_s_list_of_processes_counts_only_the_tickets_its_user_may_read() throws Exception {
        for (String category : List.of("technical", "billing", "general")) {
            assertThat(post("/api/tickets", "alice:demo", """
                    {"type":"inquiry","subject":"Cockpit count","category":"%s","customer":{"name":"客户"}}"""
                    .formatted(category)).statusCode()).isEqualTo(201);
        }
        get("/camunda/app/cockpit/default/", null);
        assertThat(post("/camunda/api/admin/auth/user/default/login/cockpit", csrfCookie(),
                "application/x-www-form-urlencoded", "username=ted&password=demo").statusCode()).isEqualTo(200);

        HttpResponse<String> list = get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"
                + "?firstResult=0&maxResults=50&sortBy=name&sortOrder=asc", null);

        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode inquiry = StreamSupport.stream(new ObjectMapper().readTree(list.body()).spliterator(), false)
                .filter(row -> row.get("key").asText().equals("inquiry")).findFirst().orElseThrow();
        long tedReads = instancesOfInquiry("ted:demo");
        assertThat(tedReads).as("tech holds one of the three").isPositive()
                .isLessThan(instancesOfInquiry("admin:admin"));
        assertThat(inquiry.get("instances").asLong()).isEqualTo(tedReads);
        assertThat(inquiry.get("incidents").asLong()).isZero();
    }

    private long instancesOfInquiry(String credentials) throws IOException {
        HttpResponse<String> count = get("/engine-rest/process-instance/count?processDefinitionKey=inquiry",
                credentials);
        assertThat(count.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(count.body()).get("count").asLong();
    }

    @Test
    void a_failed_login_makes_the_next_login_of_that_account_wait() {
        String userId = "bruteForceTest";
        User user = identityService.newUser(userId);
        user.setPassword("the-right-password");
        identityService.saveUser(user);
        Date now = new Date();
        ClockUtil.setCurrentTime(now);
        try {
            assertThat(get("/api/tickets", userId + ":a-wrong-password").statusCode()).isEqualTo(401);
            assertThat(get("/api/tickets", userId + ":the-right-password").statusCode()).as("at once").isEqualTo(401);
            ClockUtil.setCurrentTime(Date.from(now.toInstant().plus(Duration.ofMinutes(1))));
            assertThat(get("/api/tickets", userId + ":the-right-password").statusCode()).as("a minute later")
                    .isEqualTo(200);
        } finally {
            ClockUtil.reset();
            identityService.deleteUser(userId);
        }
    }

    private String csrfCookie() {
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    }

    private HttpResponse<String> get(String path, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    /** A JSON post to our API with HTTP Basic credentials. */
    private HttpResponse<String> post(String path, String credentials, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> post(String path, String csrfToken, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        return send(request);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.flowdesk.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer calling the portal's API as its pages do (the header {@code X-Flowdesk-Portal}, multipart for what
 * carries files), from a client address of their own: {@code X-Forwarded-For}, which the test profile trusts from a
 * local proxy as production trusts its proxy. So the portal's limits per address meet one customer only.
 */
final class CustomerInPortal {

    /** An answer: its status, headers, the body as sent (to search it for what must not be there), and as JSON. */
    record Answer(int status, HttpHeaders headers, String body, JsonNode json) {
    }

    /** A new request for a question that routing gives the support department. */
    static final String POINTS_QUESTION = """
            {"type":"inquiry","subject":"会员积分没有到账","description":"上周的订单积分还没有到账。",
             "contact":{"name":"李雷","email":"%s","phone":"13800000000"},"fields":{"orderNumber":"SO-7001"}}""";

    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http;
    private final String address;
    private final String email;

    /** A customer of their own: an address and an e-mail address no other customer of the test run has. */
    CustomerInPortal(TestRestTemplate http) {
        int customer = CUSTOMERS.incrementAndGet();
        this.http = http;
        this.address = "2001:db8:" + Integer.toHexString(customer) + "::1"; // a /64 of its own
        this.email = "customer" + customer + "-" + System.nanoTime() + "@example.com";
    }

    String email() {
        return email;
    }

    /** Submits the points question as this customer; its number and token. */
    Ticket submitsAQuestion() {
        return submitted(POINTS_QUESTION.formatted(email), Map.of());
    }

    /** A ticket followed by its link: its number and the token of the link. */
    record Ticket(String number, String token) {
    }

    Ticket submitted(String request, Map<String, byte[]> files) {
        Answer created = submit(request, files);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Ticket(created.json().get("number").asText(), created.json().get("token").asText());
    }

    Answer submit(String request, Map<String, byte[]> files) {
        return send(HttpMethod.POST, "/portal/api/tickets", multipart("request", request, files));
    }

    Answer lookup(String number, String email) {
        return send(HttpMethod.POST, "/portal/api/lookup",
                json("{\"number\":\"%s\",\"email\":\"%s\"}".formatted(number, email)));
    }

    Answer ticket(Ticket ticket) {
        return ticket(ticket.number(), ticket.token());
    }

    Answer ticket(String number, String token) {
        return send(HttpMethod.GET, "/portal/api/tickets/" + number + "?k=" + token, null);
    }

    Answer answer(Ticket ticket, String message, Map<String, byte[]> files) {
        return send(HttpMethod.POST, "/portal/api/tickets/" + ticket.number() + "/messages?k=" + ticket.token(),
                multipart("message", JSON.createObjectNode().put("body", message).toString(), files));
    }

    Answer rate(Ticket ticket, String rating) {
        return send(HttpMethod.POST, "/portal/api/tickets/" + ticket.number() + "/satisfaction?k=" + ticket.token(),
                json(rating));
    }

    ResponseEntity<byte[]> download(Ticket ticket, long attachmentId) {
        return http.exchange("/portal/api/tickets/" + ticket.number() + "/attachments/" + attachmentId + "?k="
                + ticket.token(), HttpMethod.GET, new HttpEntity<>(headers()), byte[].class);
    }

    /** A request as a page of another site could send it: without the portal's header. */
    Answer withoutThePortalsHeader(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", address);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return answer(http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class));
    }

    Answer get(String path) {
        return send(HttpMethod.GET, path, null);
    }

    private Answer send(HttpMethod method, String path, HttpEntity<?> body) {
        HttpHeaders headers = headers();
        if (body != null) {
            headers.addAll(body.getHeaders());
        }
        return answer(http.exchange(path, method, new HttpEntity<>(body == null ? null : body.getBody(), headers),
                String.class));
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", address);
        headers.set("X-Flowdesk-Portal", "1");
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static HttpEntity<MultiValueMap<String, Object>> multipart(String part, String json,
                                                                      Map<String, byte[]> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add(part, json(json));
        files.forEach((name, content) -> {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(name.endsWith(".html") ? MediaType.TEXT_HTML : MediaType.TEXT_PLAIN);
            parts.add("files", new HttpEntity<>(new ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return name;
                }
            }, headers));
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private static Answer answer(ResponseEntity<String> response) {
        String body = response.getBody() == null ? "" : response.getBody();
        MediaType type = response.getHeaders().getContentType();
        try {
            JsonNode json = type != null && type.getSubtype().contains("json") ? JSON.readTree(body) : null;
            return new Answer(response.getStatusCode().value(), response.getHeaders(), body, json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}

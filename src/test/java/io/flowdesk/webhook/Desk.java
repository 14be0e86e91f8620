package io.flowdesk.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk over HTTP: alice opens tickets, tom works them, admin manages webhooks. The tickets it opened are withdrawn
 * from the agents' queues afterwards ({@link #withdrawOpened}), so that the test context's other tests find tom with
 * room for theirs (an agent takes at most 10 tasks).
 */
final class Desk {

    private final TestRestTemplate http;
    private final List<String> opened = new ArrayList<>();

    Desk(TestRestTemplate http) {
        this.http = http;
    }

    static final String ALL_EVENTS = """
            ["ticket.created","ticket.status_changed","ticket.replied","ticket.sla_breached","ticket.closed"]""";
    /** Routed to tech, where tom (who has the skill) gets its tasks. */
    static final String PRINTER_INQUIRY = """
            {"type":"inquiry","subject":"打印机无法连接","description":"型号 P-200，连不上 Wi-Fi","channel":"web",
             "priority":"normal","category":"hardware",
             "customer":{"name":"张三","email":"zhang@example.com","tier":"standard"},
             "fields":{"orderNumber":"SO-1001"}}""";

    ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "admin".equals(user) ? "admin" : "demo").exchange(path, method,
                new HttpEntity<>(json, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    ResponseEntity<JsonNode> post(String user, String path, String json) {
        return call(user, HttpMethod.POST, path, json);
    }

    /** A webhook registered by admin for these events (a JSON array): its id, URL, events and secret. */
    JsonNode register(String url, String events) {
        ResponseEntity<JsonNode> created = post("admin", "/api/webhooks",
                "{\"url\":\"" + url + "\",\"events\":" + events + "}");
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return created.getBody();
    }

    void delete(long webhook) {
        assertThat(call("admin", HttpMethod.DELETE, "/api/webhooks/" + webhook, null).getStatusCode().value())
                .isEqualTo(204);
    }

    /** The webhook's deliveries as admin sees them (newest first), of one status if given. */
    List<JsonNode> deliveries(long webhook, String status) {
        ResponseEntity<JsonNode> page = get("admin", "/api/webhooks/" + webhook + "/deliveries?size=100"
                + (status == null ? "" : "&status=" + status));
        assertThat(page.getStatusCode().value()).as(String.valueOf(page.getBody())).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.getBody().get("items").forEach(items::add);
        return items;
    }

    /** A printer inquiry opened by alice: its number. */
    String open() {
        ResponseEntity<JsonNode> created = post("alice", "/api/tickets", PRINTER_INQUIRY);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String number = created.getBody().get("number").asText();
        opened.add(number);
        return number;
    }

    /** Ends the processes of the tickets opened here, without their listeners: their tasks leave the queues. */
    void withdrawOpened(RuntimeService engine) {
        for (String number : opened) {
            engine.createProcessInstanceQuery().processInstanceBusinessKey(number).list().forEach(process ->
                    engine.deleteProcessInstance(process.getId(), "test over", true, true));
        }
        opened.clear();
    }

    void reply(String user, String number, String text) {
        assertThat(post(user, "/api/tickets/" + number + "/comments",
                "{\"visibility\":\"public\",\"body\":\"" + text + "\"}").getStatusCode().value()).isEqualTo(201);
    }

    /** tom completes the ticket's open task of that step, with these variables (a JSON object). */
    void complete(String number, String step, String variables) {
        JsonNode open = null;
        for (JsonNode task : get("tom", "/api/tickets/" + number).getBody().get("currentTasks")) {
            if (task.get("key").asText().equals(step)) {
                open = task;
            }
        }
        assertThat(open).as(step + " is open on " + number).isNotNull();
        String path = "/api/tickets/" + number + "/tasks/" + open.get("id").asText();
        if (!open.hasNonNull("assignee")) {
            assertThat(post("tom", path + "/claim", "{}").getStatusCode().value()).isEqualTo(204);
        }
        ResponseEntity<JsonNode> completed = post("tom", path + "/complete", "{\"variables\":" + variables + "}");
        assertThat(completed.getStatusCode().value()).as(String.valueOf(completed.getBody())).isEqualTo(204);
    }
}

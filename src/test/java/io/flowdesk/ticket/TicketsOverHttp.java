package io.flowdesk.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks tickets through the REST API as the demo users: reads, posts, completes a step as its department's agent. */
public final class TicketsOverHttp {

    private final TestRestTemplate http;
    /** The demo agent who claims a department's task that no one was assigned. */
    private final Map<String, String> agentOf;

    public TicketsOverHttp(TestRestTemplate http, Map<String, String> agentOf) {
        this.http = http;
        this.agentOf = agentOf;
    }

    /** Completes the ticket's open task of that step as its assignee, or as the group's agent, who claims it. */
    public void complete(String number, String step, String group, String body) {
        JsonNode task = null;
        for (JsonNode current : ticket("admin", number).get("currentTasks")) {
            if (current.get("key").asText().equals(step)) {
                task = current;
            }
        }
        assertThat(task).as(step + " is open on " + number).isNotNull();
        assertThat(task.get("candidateGroups").toString()).contains(group);
        String path = "/api/tickets/" + number + "/tasks/" + task.get("id").asText();
        String agent = task.hasNonNull("assignee") ? task.get("assignee").asText() : agentOf.get(group);
        if (!task.hasNonNull("assignee")) {
            assertThat(post(agent, path + "/claim", "{}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        ResponseEntity<JsonNode> completed = post(agent, path + "/complete", body);
        assertThat(completed.getStatusCode()).as(agent + " completes " + step + ": " + completed.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** {@link #complete} with the body {@code {"variables": variables}}. */
    public void completeWithVariables(String number, String step, String group, String variables) {
        complete(number, step, group, "{\"variables\":" + variables + "}");
    }

    public JsonNode ticket(String user, String number) {
        ResponseEntity<JsonNode> ticket = get(user, "/api/tickets/" + number);
        assertThat(ticket.getStatusCode()).as(user + " reads " + number).isEqualTo(HttpStatus.OK);
        return ticket.getBody();
    }

    /** The ticket type listed under that key, or null. */
    JsonNode listedType(String user, String key) {
        JsonNode type = null;
        for (JsonNode listed : get(user, "/api/ticket-types").getBody()) {
            if (listed.get("key").asText().equals(key)) {
                type = listed;
            }
        }
        return type;
    }

    /** A listed type's fields as name:type, with :required where they are. */
    static List<String> fieldsOf(JsonNode type) {
        List<String> fields = new ArrayList<>();
        type.get("fields").forEach(field -> fields.add(field.get("name").asText() + ":" + field.get("type").asText()
                + (field.get("required").asBoolean() ? ":required" : "")));
        return fields;
    }

    /** The hand-offs in a ticket's timeline as "from → to at step". */
    static List<String> handOffs(JsonNode ticket) {
        List<String> handOffs = new ArrayList<>();
        ticket.get("timeline").forEach(entry -> {
            if (entry.get("type").asText().equals("HANDED_OFF")) {
                handOffs.add(entry.get("from").asText() + " → " + entry.get("to").asText() + " at "
                        + entry.get("summary").asText());
            }
        });
        return handOffs;
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, password(user)).getForEntity(path, JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password(user)).postForEntity(path, new HttpEntity<>(json, headers),
                JsonNode.class);
    }

    private static String password(String user) {
        return "admin".equals(user) ? "admin" : "demo";
    }
}

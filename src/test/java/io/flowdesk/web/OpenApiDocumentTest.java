package io.flowdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document says what the API answers, so that a generated client can trust it: the statuses it really
 * answers, JSON bodies and problem+json errors of one schema. CI checks every call of a tour against the document
 * (.ci/contract/check); this keeps its key facts in {@code mvn test}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenApiDocumentTest {

    /** The operations that answer a file's bytes. */
    private static final List<String> DOWNLOADS = List.of("get /api/tickets/{number}/attachments/{id}",
            "get /api/mail/inbound/{id}/raw");

    @Autowired TestRestTemplate http;

    JsonNode document;

    @BeforeEach
    void readTheDocument() {
        document = http.getForEntity("/v3/api-docs", JsonNode.class).getBody();
    }

    @Test
    void the_two_creates_answer_201_and_a_new_ticket_its_location() {
        JsonNode create = operation("/api/tickets", "post");
        assertThat(fieldNames(create.get("responses"))).contains("201").doesNotContain("200");
        assertThat(create.at("/responses/201/headers/Location/required").asBoolean()).isTrue();
        assertThat(create.at("/responses/201/content/application~1json/schema/$ref").asText())
                .endsWith("/TicketDetails");
        assertThat(create.at("/requestBody/required").asBoolean()).isTrue();

        JsonNode comment = operation("/api/tickets/{number}/comments", "post");
        assertThat(fieldNames(comment.get("responses"))).contains("201").doesNotContain("200");
    }

    @Test
    void a_bad_ticket_is_a_400_problem_with_the_fields_named() {
        JsonNode badRequest = operation("/api/tickets", "post").at("/responses/400/content");
        assertThat(fieldNames(badRequest)).containsExactly("application/problem+json");
        assertThat(badRequest.at("/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");

        JsonNode problem = schema("Problem");
        assertThat(fieldNames(problem.get("properties")))
                .contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(problem.at("/properties/errors/items/$ref").asText()).isEqualTo("#/components/schemas/FieldError");
        assertThat(fieldNames(schema("FieldError").get("properties"))).containsExactly("field", "message");
    }

    @Test
    void the_problem_schema_has_every_property_of_a_problem_the_api_answers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> answer = http.withBasicAuth("alice", "demo").postForEntity("/api/tickets",
                new HttpEntity<>("{\"type\":\"warranty\",\"subject\":\"保修\",\"customer\":{\"name\":\"张三\"}}", headers),
                JsonNode.class);

        assertThat(answer.getStatusCode().value()).as("an unknown ticket type").isEqualTo(400);
        assertThat(answer.getBody().has("validTypes")).isTrue();
        assertThat(fieldNames(schema("Problem").get("properties"))).containsAll(fieldNames(answer.getBody()));
        assertThat(fieldNames(schema("FieldError").get("properties")))
                .containsAll(fieldNames(answer.getBody().at("/errors/0")));
    }

    @Test
    void bodies_are_json_and_every_error_a_problem_never_any_content_type() {
        assertThat(document.toString()).doesNotContain("*/*");
        forEachOperation((name, operation) -> {
            assertThat(operation.at("/responses/401/content/application~1problem+json").isMissingNode())
                    .as(name + " answers 401 without a login").isFalse();
            operation.get("responses").properties().forEach(answer -> {
                List<String> types = fieldNames(answer.getValue().path("content"));
                String status = answer.getKey();
                assertThat(types).as(name + " " + status).isSubsetOf(status.startsWith("2")
                        ? List.of(DOWNLOADS.contains(name) ? "application/octet-stream" : "application/json")
                        : List.of("application/problem+json"));
            });
        });
    }

    @Test
    void every_operation_has_an_id_a_summary_a_description_and_a_tag() {
        List<String> ids = new ArrayList<>();
        forEachOperation((name, operation) -> {
            assertThat(operation.path("summary").asText()).as(name).isNotBlank();
            assertThat(operation.path("description").asText()).as(name).isNotBlank();
            assertThat(operation.path("tags")).as(name).isNotEmpty();
            ids.add(operation.path("operationId").asText());
        });
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z]+"))
                .contains("createTicket", "claimTask", "listAuditEntries");
    }

    @Test
    void the_task_actions_answer_204_and_409_when_someone_got_there_first() {
        for (String action : List.of("claim", "unclaim", "complete")) {
            JsonNode answers = operation("/api/tickets/{number}/tasks/{taskId}/" + action, "post").get("responses");
            assertThat(fieldNames(answers)).as(action).contains("204", "403", "404", "409").doesNotContain("200");
        }
        assertThat(operation("/api/tickets/{number}/tasks/{taskId}/complete", "post")
                .at("/requestBody/required").asBoolean()).as("the form's variables are optional").isFalse();
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = document.at("/paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }

    private JsonNode schema(String name) {
        return document.at("/components/schemas").path(name);
    }

    private void forEachOperation(BiConsumer<String, JsonNode> check) {
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
                check.accept(method.getKey() + " " + path.getKey(), method.getValue())));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

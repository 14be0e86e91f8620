package io.flowdesk.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ticket REST API as a client uses it: over HTTP, with HTTP Basic, JSON in and out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TicketApiTest {

    static final String PRINTER_INQUIRY = """
            {"type":"inquiry","subject":"打印机无法连接","description":"型号 P-200，连不上 Wi-Fi","channel":"web",
             "priority":"normal","category":"hardware",
             "customer":{"name":"张三","email":"zhang@example.com","phone":"13800000000","tier":"standard"},
             "fields":{"orderNumber":"SO-1001","productModel":"P-200"}}""";

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired ProcessEngine processEngine;

    /**
     * Engine REST serves the engine registered as "default", which every test context in the JVM registers as it
     * starts, the last one winning: this test's calls of it must reach this context's engine.
     */
    @BeforeEach
    void engineRestServesThisContextsEngine() {
        ProcessEngines.registerProcessEngine(processEngine);
    }

    @Test
    void creating_a_ticket_answers_201_with_its_number_location_and_first_task() {
        ResponseEntity<JsonNode> created = post("alice", "/api/tickets", PRINTER_INQUIRY);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode ticket = created.getBody();
        String number = ticket.get("number").asText();
        assertThat(number).matches("TK-\\d{6}");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/tickets/" + number);
        assertThat(ticket.get("type").asText()).isEqualTo("inquiry");
        assertThat(ticket.get("status").asText()).isEqualTo("new");
        assertThat(ticket.get("priority").asText()).isEqualTo("normal");
        assertThat(ticket.get("group").asText()).as("routing: a connection failure is for tech").isEqualTo("tech");
        assertThat(ticket.get("assignee").asText()).as("the one tech agent with the skill").isEqualTo("tom");
        assertThat(ticket.at("/customer/tier").asText()).isEqualTo("standard");
        assertThat(ticket.at("/fields/orderNumber").asText()).isEqualTo("SO-1001");
        assertThat(ticket.at("/currentTasks/0/key").asText()).isEqualTo("acceptInquiry");
        assertThat(ticket.at("/currentTasks/0/candidateGroups/0").asText()).isEqualTo("tech");
        assertThat(ticket.at("/currentTasks/0/assignee").asText()).isEqualTo("tom");
        assertThat(ticket.at("/sla/0/target").asText()).isEqualTo("firstResponse");
        assertThat(ticket.at("/sla/0/state").asText()).isEqualTo("running");
        assertThat(ticket.at("/sla/0/dueAt").asText()).isNotBlank();
        assertThat(ticket.at("/sla/1/target").asText()).isEqualTo("resolution");
        assertThat(ticket.at("/timeline/0/type").asText()).isEqualTo("CREATED");
        assertThat(ticket.at("/timeline/0/actor").asText()).isEqualTo("alice");
    }

    @Test
    void the_create_answer_shows_the_tasks_a_read_finds() {
        JsonNode created = post("alice", "/api/tickets", PRINTER_INQUIRY).getBody();

        JsonNode read = get("tom", "/api/tickets/" + created.get("number").asText()).getBody();

        assertThat(created.get("currentTasks")).hasSize(1);
        for (String field : List.of("id", "key", "name", "assignee", "candidateGroups")) {
            assertThat(created.at("/currentTasks/0/" + field)).as(field).isEqualTo(read.at("/currentTasks/0/" + field));
        }
    }

    @Test
    void a_ticket_reads_back_with_status_tasks_and_timeline() {
        String number = create(PRINTER_INQUIRY);

        ResponseEntity<JsonNode> read = get("tom", "/api/tickets/" + number);

        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().get("subject").asText()).isEqualTo("打印机无法连接");
        assertThat(read.getBody().get("description").asText()).isEqualTo("型号 P-200，连不上 Wi-Fi");
        assertThat(read.getBody().get("createdAt").asText()).isNotBlank();
        assertThat(read.getBody().get("currentTasks")).hasSize(1);
        assertThat(types(read.getBody())).containsExactly("CREATED", "ROUTED", "SLA_STARTED", "ASSIGNED");
    }

    @Test
    void pages_neither_repeat_nor_skip_tickets_that_share_a_sort_value() {
        String email = "pages-" + System.nanoTime() + "@example.com";
        List<String> numbers = createFor(email, 5);
        for (String sort : List.of("status,asc", "group,desc", "createdAt,asc")) {
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                get("tom", "/api/tickets?customerEmail=" + email + "&size=2&page=" + page + "&sort=" + sort)
                        .getBody().get("items").forEach(item -> paged.add(item.get("number").asText()));
            }
            assertThat(paged).as("sorted by %s", sort).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(numbers);
        }
    }

    @Test
    void the_list_filters_by_status_type_group_customer_and_creation_time_and_pages() {
        String email = "list-" + System.nanoTime() + "@example.com";
        List<String> numbers = createFor(email, 3);

        JsonNode page = get("tom", "/api/tickets?customerEmail=" + email + "&status=new&type=inquiry"
                + "&group=tech&createdFrom=2020-01-01T00:00:00Z&size=2&page=0").getBody();
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.at("/items/0/number").asText()).isEqualTo(numbers.get(2));

        JsonNode second = get("tom", "/api/tickets?customerEmail=" + email + "&size=2&page=1").getBody();
        assertThat(second.at("/items/0/number").asText()).isEqualTo(numbers.get(0));

        assertThat(get("tom", "/api/tickets?customerEmail=" + email + "&status=closed").getBody()
                .get("totalItems").asLong()).isZero();
        assertThat(get("tom", "/api/tickets?customerEmail=" + email + "&createdTo=2020-01-01T00:00:00Z")
                .getBody().get("totalItems").asLong()).isZero();
        assertThat(get("tom", "/api/tickets?customerEmail=" + email + "&assignee=nobody").getBody()
                .get("totalItems").asLong()).isZero();
    }

    @Test
    void a_public_reply_is_the_first_response_and_an_internal_note_stays_internal() {
        String number = create(PRINTER_INQUIRY);

        ResponseEntity<JsonNode> note = post("tom", "/api/tickets/" + number + "/comments",
                "{\"visibility\":\"internal\",\"body\":\"先查一下固件版本\"}");
        assertThat(note.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(note.getBody().get("type").asText()).isEqualTo("INTERNAL_NOTE");
        assertThat(get("tom", "/api/tickets/" + number).getBody().has("firstResponseAt")).isFalse();

        ResponseEntity<JsonNode> reply = post("tom", "/api/tickets/" + number + "/comments",
                "{\"visibility\":\"public\",\"body\":\"您好，请先升级固件\"}");
        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode ticket = get("tom", "/api/tickets/" + number).getBody();
        assertThat(ticket.get("firstResponseAt").asText()).isNotBlank();
        List<String> types = types(ticket);
        assertThat(types.subList(types.size() - 2, types.size())).containsExactly("INTERNAL_NOTE", "PUBLIC_REPLY");
        JsonNode replyEntry = ticket.get("timeline").get(types.size() - 1);
        assertThat(replyEntry.get("body").asText()).isEqualTo("您好，请先升级固件");
        assertThat(replyEntry.get("actor").asText()).isEqualTo("tom");
    }

    @Test
    void ticket_types_are_listed_from_the_deployed_processes() {
        JsonNode types = get("alice", "/api/ticket-types").getBody();
        assertThat(types).anySatisfy(type -> {
            assertThat(type.get("key").asText()).isEqualTo("inquiry");
            assertThat(type.get("name").asText()).isEqualTo("咨询工单");
            assertThat(type.get("defaultGroup").asText()).isEqualTo("support");
        });
    }

    @Test
    void a_ticket_started_through_engine_rest_gets_its_row_number_and_timeline() {
        ResponseEntity<JsonNode> started = post("alice", "/engine-rest/process-definition/key/inquiry/start", """
                {"businessKey":"CRM-778","variables":{
                  "subject":{"value":"账单金额有误"},"customerName":{"value":"李四"},
                  "customerEmail":{"value":"li@example.com"},"priority":{"value":"high"},
                  "field.orderNumber":{"value":"SO-2002"}}}""");
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String number = started.getBody().get("businessKey").asText();
        assertThat(number).matches("TK-\\d{6}");

        JsonNode ticket = get("fiona", "/api/tickets/" + number).getBody();
        assertThat(ticket.get("channel").asText()).isEqualTo("api");
        assertThat(ticket.get("priority").asText()).isEqualTo("high");
        assertThat(ticket.get("externalReference").asText()).isEqualTo("CRM-778");
        assertThat(ticket.at("/fields/orderNumber").asText()).isEqualTo("SO-2002");
        assertThat(ticket.at("/timeline/0/type").asText()).isEqualTo("CREATED");
        assertThat(get("fiona", "/api/tickets?customerEmail=li@example.com").getBody().get("items"))
                .anySatisfy(item -> assertThat(item.get("number").asText()).isEqualTo(number));
    }

    @Test
    void engine_rest_start_with_invalid_ticket_variables_is_a_400_and_stores_nothing() {
        long before = get("alice", "/api/tickets?size=1").getBody().get("totalItems").asLong();

        ResponseEntity<JsonNode> started = post("alice", "/engine-rest/process-definition/key/inquiry/start",
                "{\"variables\":{\"customerName\":{\"value\":\"李四\"},\"priority\":{\"value\":\"asap\"}}}");

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(started.getBody().get("message").asText()).contains("priority");
        assertThat(get("alice", "/api/tickets?size=1").getBody().get("totalItems").asLong()).isEqualTo(before);
    }

    @Test
    void malformed_json_is_a_400_problem() {
        assertProblem(post("alice", "/api/tickets", "{\"type\":"), HttpStatus.BAD_REQUEST, null);
    }

    @Test
    void missing_and_too_long_fields_are_named() {
        ResponseEntity<JsonNode> missing = post("alice", "/api/tickets", "{\"type\":\"inquiry\"}");
        assertProblem(missing, HttpStatus.BAD_REQUEST, "subject");
        assertThat(fields(missing)).containsExactlyInAnyOrder("subject", "customer");

        ResponseEntity<JsonNode> tooLong = post("alice", "/api/tickets",
                PRINTER_INQUIRY.replace("打印机无法连接", "长".repeat(201)));
        assertProblem(tooLong, HttpStatus.BAD_REQUEST, "subject");

        ResponseEntity<JsonNode> badEmail = post("alice", "/api/tickets",
                PRINTER_INQUIRY.replace("zhang@example.com", "not-an-email"));
        assertThat(fields(badEmail)).containsExactly("customer.email");
    }

    @Test
    void an_unknown_value_of_a_fixed_list_names_the_field_and_the_allowed_values() {
        ResponseEntity<JsonNode> response = post("alice", "/api/tickets",
                PRINTER_INQUIRY.replace("\"channel\":\"web\"", "\"channel\":\"fax\""));
        assertProblem(response, HttpStatus.BAD_REQUEST, "channel");
        assertThat(response.getBody().get("detail").asText()).contains("web", "email", "api", "phone");
    }

    @Test
    void an_unknown_ticket_type_names_the_valid_ones() {
        ResponseEntity<JsonNode> response = post("alice", "/api/tickets",
                PRINTER_INQUIRY.replace("\"type\":\"inquiry\"", "\"type\":\"warranty\""));
        assertProblem(response, HttpStatus.BAD_REQUEST, "type");
        assertThat(response.getBody().get("validTypes").toString()).contains("inquiry");
    }

    @Test
    void an_unknown_ticket_number_is_a_404_problem() {
        assertProblem(get("alice", "/api/tickets/TK-999999"), HttpStatus.NOT_FOUND, null);
        assertProblem(post("alice", "/api/tickets/TK-999999/comments",
                "{\"visibility\":\"public\",\"body\":\"hello\"}"), HttpStatus.NOT_FOUND, null);
    }

    @Test
    void bad_list_parameters_are_named() {
        assertProblem(get("alice", "/api/tickets?createdFrom=yesterday"), HttpStatus.BAD_REQUEST, "createdFrom");
        assertProblem(get("alice", "/api/tickets?sort=password"), HttpStatus.BAD_REQUEST, "sort");
    }

    @Test
    void the_list_sorts_by_the_fields_a_ticket_shows_and_by_nothing_behind_them() {
        String email = "sort-" + System.nanoTime() + "@example.com";
        List<String> numbers = createFor(email, 3);

        JsonNode byNumber = get("tom", "/api/tickets?customerEmail=" + email + "&sort=number,desc").getBody();
        List<String> listed = new ArrayList<>();
        byNumber.get("items").forEach(item -> listed.add(item.get("number").asText()));
        List<String> newestFirst = new ArrayList<>(numbers);
        Collections.reverse(newestFirst);
        assertThat(listed).containsExactlyElementsOf(newestFirst);
        assertThat(get("tom", "/api/tickets?customerEmail=" + email + "&sort=customer.name&sort=group,desc")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // properties of the entity, not of the API: "fields" once answered 500, "departments" joined a collection
        for (String internal : List.of("fields", "departments", "version", "openedBy", "processInstanceId", "id")) {
            assertProblem(get("tom", "/api/tickets?sort=" + internal), HttpStatus.BAD_REQUEST, "sort");
        }
    }

    @Test
    void a_comment_without_body_or_with_an_unknown_visibility_is_rejected() {
        String number = create(PRINTER_INQUIRY);
        assertProblem(post("alice", "/api/tickets/" + number + "/comments",
                "{\"visibility\":\"public\",\"body\":\"  \"}"), HttpStatus.BAD_REQUEST, "body");
        assertProblem(post("alice", "/api/tickets/" + number + "/comments",
                "{\"visibility\":\"everyone\",\"body\":\"hi\"}"), HttpStatus.BAD_REQUEST, "visibility");
    }

    @Test
    void the_api_and_engine_rest_require_a_login() {
        ResponseEntity<JsonNode> anonymous = http.exchange("/api/tickets", HttpMethod.GET,
                new HttpEntity<>(new HttpHeaders()), JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

        // a wrong password makes the account wait (Camunda's brute-force protection): an account of this test only,
        // so that no other test of the shared context meets the delay
        String userId = "wrongPassword" + System.nanoTime();
        User user = identityService.newUser(userId);
        user.setPassword("the-right-password");
        identityService.saveUser(user);
        try {
            assertThat(http.withBasicAuth(userId, "wrong").getForEntity("/api/tickets", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            identityService.deleteUser(userId);
        }
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("alice", "demo").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_openapi_document_describes_the_ticket_api() {
        ResponseEntity<String> document = http.getForEntity("/v3/api-docs", String.class);
        assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(document.getBody()).contains("/api/tickets", "/api/tickets/{number}/comments",
                "/api/ticket-types");
    }

    /** {@code count} printer inquiries from one customer, oldest first. */
    private List<String> createFor(String customerEmail, int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(create(PRINTER_INQUIRY.replace("zhang@example.com", customerEmail)));
        }
        return numbers;
    }

    private String create(String body) {
        ResponseEntity<JsonNode> created = post("alice", "/api/tickets", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("number").asText();
    }

    private ResponseEntity<JsonNode> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    private static List<String> types(JsonNode ticket) {
        List<String> types = new ArrayList<>();
        ticket.get("timeline").forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private static List<String> fields(ResponseEntity<JsonNode> problem) {
        List<String> fields = new ArrayList<>();
        problem.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String field) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        assertThat(response.getBody().get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(fields(response)).contains(field);
        }
    }
}

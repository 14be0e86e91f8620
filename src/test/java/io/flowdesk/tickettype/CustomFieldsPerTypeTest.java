package io.flowdesk.tickettype;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.web.SupportDesk;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26, item 3: custom fields declared per ticket type in its BPMN. A type drawn from inquiry declares a required
 * order number, a required return reason (choice) and an optional amount: {@code GET /api/ticket-types} lists them,
 * {@code POST /api/tickets} and a start through engine REST refuse what does not fit with the field named, and the
 * task form's context shows the fields by their labels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CustomFieldsPerTypeTest {

    private static final String TYPE = "fieldsDemo";

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ProcessEngine processEngine;

    private String deployment;

    @BeforeEach
    void deployATypeWithFields() throws IOException {
        ProcessEngines.registerProcessEngine(processEngine); // engine REST serves the engine registered as "default"
        String bpmn = Files.readString(Path.of("processes/inquiry.bpmn"), StandardCharsets.UTF_8)
                .replace("id=\"inquiry\"", "id=\"" + TYPE + "\"")
                .replace("bpmnElement=\"inquiry\"", "bpmnElement=\"" + TYPE + "\"")
                .replace("<camunda:property name=\"flowdesk.field.orderNumber\" value=\"text; label=订单号 Order number\" />",
                        """
                        <camunda:property name="flowdesk.field.orderNumber" value="text; required; label=订单号 Order number" />
                        <camunda:property name="flowdesk.field.returnReason" value="choice:damaged,wrong_item; required; label=退货原因 Return reason" />
                        <camunda:property name="flowdesk.field.amount" value="number; label=金额 Amount" />""");
        assertThat(bpmn).contains("flowdesk.field.returnReason");
        deployment = repositoryService.createDeployment().name(TYPE).addString(TYPE + ".bpmn", bpmn).deploy().getId();
    }

    @AfterEach
    void removeIt() {
        repositoryService.deleteDeployment(deployment, true);
    }

    @Test
    void the_type_lists_its_fields() {
        JsonNode types = http.withBasicAuth("alice", "demo").getForEntity("/api/ticket-types", JsonNode.class)
                .getBody();
        JsonNode type = null;
        for (JsonNode candidate : types) {
            if (TYPE.equals(candidate.get("key").asText())) {
                type = candidate;
            }
        }
        assertThat(type).isNotNull();
        assertThat(type.get("fields").toString()).contains(
                "{\"name\":\"orderNumber\",\"label\":\"订单号 Order number\",\"type\":\"text\",\"required\":true,\"values\":[]}",
                "{\"name\":\"returnReason\",\"label\":\"退货原因 Return reason\",\"type\":\"choice\",\"required\":true,"
                        + "\"values\":[\"damaged\",\"wrong_item\"]}",
                "{\"name\":\"amount\",\"label\":\"金额 Amount\",\"type\":\"number\",\"required\":false,\"values\":[]}");
    }

    @Test
    void a_ticket_without_a_required_field_or_with_a_wrong_value_is_a_400_naming_each_field() {
        long before = total();

        ResponseEntity<JsonNode> refused = open("{\"returnReason\":\"broken\",\"amount\":\"a lot\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(refused.getBody().get("errors").toString()).contains(
                "{\"field\":\"fields.orderNumber\",\"message\":\"is required for this ticket type (订单号 Order number)\"}",
                "{\"field\":\"fields.returnReason\",\"message\":\"must be one of damaged, wrong_item\"}",
                "{\"field\":\"fields.amount\",\"message\":\"must be a number\"}");
        assertThat(total()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void a_ticket_whose_fields_fit_opens_and_its_task_form_shows_them_by_their_labels() {
        ResponseEntity<JsonNode> opened = open(
                "{\"orderNumber\":\"SO-3003\",\"returnReason\":\"damaged\",\"amount\":\"199.00\",\"colour\":\"红\"}");

        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode task = opened.getBody().at("/currentTasks/0");
        String holder = task.path("assignee").asText("alice");
        JsonNode variables = new SupportDesk(http, processEngine).tasklist(holder)
                .get("/task/" + task.get("id").asText() + "/form-variables").body();
        assertThat(variables.at("/ticketFields/value").asText()).isEqualTo("""
                - **订单号 Order number**: SO\\-3003
                - **退货原因 Return reason**: damaged
                - **金额 Amount**: 199\\.00
                - **colour**: 红""");
    }

    @Test
    void a_start_through_engine_rest_is_checked_alike() {
        ResponseEntity<JsonNode> started = post("alice", "/engine-rest/process-definition/key/" + TYPE + "/start", """
                {"variables":{"subject":{"value":"退货"},"customerName":{"value":"李四"},
                  "field.orderNumber":{"value":"SO-1"},"field.returnReason":{"value":"broken"}}}""");

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(started.getBody().get("message").asText()).contains("field.returnReason must be one of");
    }

    @Test
    void a_start_form_names_its_fields_with_an_underscore_and_is_checked_alike() {
        // a Camunda Form field keyed field_<name> (form-js reads a dot in a key as a path into an object)
        ResponseEntity<JsonNode> refused = post("alice", "/engine-rest/process-definition/key/" + TYPE
                + "/submit-form", """
                {"variables":{"subject":{"value":"退货"},"customerName":{"value":"李四"},
                  "field_orderNumber":{"value":"SO-1"},"field_returnReason":{"value":"broken"}}}""");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("message").asText()).contains("field_returnReason must be one of")
                .doesNotContain("field.returnReason");

        ResponseEntity<JsonNode> started = post("alice", "/engine-rest/process-definition/key/" + TYPE
                + "/submit-form", """
                {"variables":{"subject":{"value":"退货"},"customerName":{"value":"李四"},
                  "field_orderNumber":{"value":"SO-4004"},"field_returnReason":{"value":"wrong_item"},
                  "field_amount":{"value":129.5},"field_colour":{"value":""}}}""");
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode ticket = http.withBasicAuth("admin", "admin").getForEntity("/api/tickets/"
                + started.getBody().get("businessKey").asText(), JsonNode.class).getBody();
        assertThat(ticket.at("/fields/orderNumber").asText()).isEqualTo("SO-4004");
        assertThat(ticket.at("/fields/returnReason").asText()).isEqualTo("wrong_item");
        assertThat(ticket.at("/fields/amount").asText()).isEqualTo("129.5");
        assertThat(ticket.get("fields").has("colour")).as("a field left empty in the form").isFalse();
        assertThat(runtimeService.getVariables(started.getBody().get("id").asText()).keySet())
                .noneMatch(name -> name.startsWith("field"));
    }

    private ResponseEntity<JsonNode> open(String fields) {
        return post("alice", "/api/tickets", """
                {"type":"%s","subject":"收到的商品有破损","customer":{"name":"韩梅梅"},"fields":%s}"""
                .formatted(TYPE, fields));
    }

    private long total() {
        return http.withBasicAuth("admin", "admin").getForEntity("/api/tickets?size=1&type=" + TYPE, JsonNode.class)
                .getBody().get("totalItems").asLong();
    }

    private ResponseEntity<JsonNode> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }
}

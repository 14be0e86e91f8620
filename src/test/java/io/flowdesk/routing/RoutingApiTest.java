package io.flowdesk.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.common.FeelParseCache;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents' routing data and hand-overs between departments, over the REST API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RoutingApiTest {

    static final String PRINTER_FAILURE = """
            {"type":"inquiry","subject":"打印机报错 E-07","description":"无法连接打印服务器","channel":"web",
             "customer":{"name":"张三","email":"zhang@example.com","tier":"standard"}}""";

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine processEngine;

    @Test
    void the_process_engine_evaluates_decisions_with_feel_parsed_once_per_expression() {
        assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration().getFeelEngine())
                .isInstanceOf(FeelParseCache.CachingScalaFeelEngine.class);
    }

    @Test
    void agents_are_listed_with_groups_skills_capacity_and_open_tasks() {
        JsonNode agents = get("alice", "/api/agents").getBody();
        assertThat(agents).anySatisfy(agent -> {
            assertThat(agent.get("userId").asText()).isEqualTo("fiona");
            assertThat(agent.get("groups").toString()).contains("finance");
            assertThat(agent.get("skills").toString()).contains("invoice", "billing");
            assertThat(agent.get("capacity").asInt()).isEqualTo(10);
            assertThat(agent.get("available").asBoolean()).isTrue();
            assertThat(agent.has("openTasks")).isTrue();
        });
    }

    @Test
    void only_supervisors_and_administrators_change_an_agents_profile() {
        String body = "{\"skills\":[\"troubleshooting\",\"network\"],\"capacity\":8,\"available\":true}";
        ResponseEntity<JsonNode> byAgent = put("alice", "/api/agents/tom", body);
        assertThat(byAgent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byAgent.getHeaders().getContentType().toString()).startsWith("application/problem+json");

        ResponseEntity<JsonNode> bySupervisor = put("sam", "/api/agents/tom", body);
        assertThat(bySupervisor.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bySupervisor.getBody().get("skills").toString()).contains("network");
        assertThat(bySupervisor.getBody().get("capacity").asInt()).isEqualTo(8);

        put("sam", "/api/agents/tom", "{\"skills\":[\"troubleshooting\"],\"capacity\":10,\"available\":true}");
    }

    @Test
    void a_bad_agent_profile_is_rejected_naming_the_field() {
        ResponseEntity<JsonNode> zero = put("sam", "/api/agents/tom",
                "{\"skills\":[\"troubleshooting\"],\"capacity\":0,\"available\":true}");
        assertThat(zero.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(zero)).containsExactly("capacity");

        ResponseEntity<JsonNode> badSkill = put("sam", "/api/agents/tom",
                "{\"skills\":[\"Trouble Shooting\"],\"capacity\":5,\"available\":true}");
        assertThat(badSkill.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(put("sam", "/api/agents/nobody", "{\"skills\":[],\"capacity\":5,\"available\":true}")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void an_unavailable_agent_gets_no_new_tickets_and_the_ticket_waits_in_the_queue() {
        put("sam", "/api/agents/tom", "{\"skills\":[\"troubleshooting\"],\"capacity\":10,\"available\":false}");
        try {
            JsonNode ticket = post("alice", "/api/tickets", PRINTER_FAILURE).getBody();
            assertThat(ticket.get("group").asText()).isEqualTo("tech");
            assertThat(ticket.has("assignee")).isFalse();
            assertThat(ticket.at("/currentTasks/0/candidateGroups/0").asText()).isEqualTo("tech");
            assertThat(ticket.at("/currentTasks/0").has("assignee")).isFalse();
        } finally {
            put("sam", "/api/agents/tom", "{\"skills\":[\"troubleshooting\"],\"capacity\":10,\"available\":true}");
        }
    }

    @Test
    void a_ticket_handed_over_to_another_department_is_assigned_there_by_the_same_rules() {
        JsonNode created = post("alice", "/api/tickets", PRINTER_FAILURE).getBody();
        String number = created.get("number").asText();
        assertThat(created.get("assignee").asText()).isEqualTo("tom");

        ResponseEntity<JsonNode> transferred = post("tom", "/api/tickets/" + number + "/transfer",
                "{\"group\":\"finance\",\"requiredSkill\":\"billing\",\"reason\":\"其实是扣款问题\"}");

        assertThat(transferred.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode ticket = transferred.getBody();
        assertThat(ticket.get("group").asText()).isEqualTo("finance");
        assertThat(ticket.get("assignee").asText()).as("the only finance agent with billing").isEqualTo("fiona");
        assertThat(ticket.at("/currentTasks/0/candidateGroups").toString()).isEqualTo("[\"finance\"]");
        assertThat(ticket.at("/currentTasks/0/assignee").asText()).isEqualTo("fiona");
        assertThat(ticket.get("timeline")).anySatisfy(entry -> {
            assertThat(entry.get("type").asText()).isEqualTo("TRANSFERRED");
            assertThat(entry.get("from").asText()).isEqualTo("tech");
            assertThat(entry.get("to").asText()).isEqualTo("finance");
            assertThat(entry.get("body").asText()).isEqualTo("其实是扣款问题");
            assertThat(entry.get("actor").asText()).isEqualTo("tom");
        });
    }

    @Test
    void a_hand_over_to_an_unknown_group_or_ticket_is_refused() {
        String number = post("alice", "/api/tickets", PRINTER_FAILURE).getBody().get("number").asText();

        ResponseEntity<JsonNode> unknownGroup = post("tom", "/api/tickets/" + number + "/transfer",
                "{\"group\":\"marketing\"}");
        assertThat(unknownGroup.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(unknownGroup)).containsExactly("group");
        assertThat(unknownGroup.getBody().get("detail").asText()).contains("finance", "support", "tech");
        assertThat(get("tom", "/api/tickets/" + number).getBody().get("group").asText())
                .as("nothing changed").isEqualTo("tech");

        assertThat(post("tom", "/api/tickets/" + number + "/transfer", "{}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("tom", "/api/tickets/TK-999999/transfer", "{\"group\":\"finance\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void the_list_filters_breached_and_at_risk_tickets() {
        assertThat(get("alice", "/api/tickets?sla=breached").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("alice", "/api/tickets?sla=at_risk").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> bad = get("alice", "/api/tickets?sla=late");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(bad)).containsExactly("sla");
    }

    private ResponseEntity<JsonNode> post(String user, String path, String json) {
        return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(json, jsonHeaders()),
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String user, String path, String json) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT,
                new HttpEntity<>(json, jsonHeaders()), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static List<String> fields(ResponseEntity<JsonNode> problem) {
        List<String> fields = new ArrayList<>();
        problem.getBody().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}

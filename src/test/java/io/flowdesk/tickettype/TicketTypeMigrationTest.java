package io.flowdesk.tickettype;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26, item 6: open tickets follow a new version of their type. A type drawn from inquiry is deployed, two
 * tickets are opened, one of them accepted; then a second version renames the acceptance task. The migration API
 * moves the accepted ticket (its task, its timers with their due dates, its SLA clocks, its timeline kept, one entry
 * added) and reports that the other cannot move, and why; a dry run says the same and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TicketTypeMigrationTest {

    private static final String TYPE = "migrationDemo";

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTheDemoType() {
        deployments.forEach(deployment -> repositoryService.deleteDeployment(deployment, true));
    }

    @Test
    void a_dry_run_reports_who_would_move_and_who_cannot_and_changes_nothing() throws IOException {
        deploy(version1());
        String accepted = openAndAccept();
        String waiting = open();
        deploy(version2WithRenamedAcceptance());
        String definitionBefore = instanceOf(accepted).getProcessDefinitionId();

        ResponseEntity<JsonNode> report = migrate("ana", "{\"dryRun\":true}");

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = report.getBody();
        assertThat(body.get("dryRun").asBoolean()).isTrue();
        assertThat(body.get("targetVersion").asInt()).isEqualTo(2);
        assertThat(body.get("moved").asInt()).isEqualTo(1);
        assertThat(body.get("cannotMove").asInt()).isEqualTo(1);
        assertThat(body.at("/stuck/0/ticket").asText()).isEqualTo(waiting);
        assertThat(body.at("/stuck/0/version").asInt()).isEqualTo(1);
        assertThat(body.at("/stuck/0/reasons").toString())
                .contains("acceptInquiry: the new version has no step with this id");
        assertThat(instanceOf(accepted).getProcessDefinitionId()).as("nothing moved").isEqualTo(definitionBefore);
        assertThat(timelineTypes(accepted)).doesNotContain("VERSION_CHANGED");
    }

    @Test
    void a_run_moves_the_tickets_that_can_move_with_their_timers_sla_and_timeline() throws IOException {
        deploy(version1());
        String accepted = openAndAccept();
        String waiting = open();
        Map<String, Date> timersBefore = timers(accepted);
        JsonNode before = ticket(accepted);
        String version2 = deploy(version2WithRenamedAcceptance());

        ResponseEntity<JsonNode> report = migrate("ana", "{\"dryRun\":false}");

        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody().get("moved").asInt()).isEqualTo(1);
        assertThat(report.getBody().at("/movedFromVersion/1").asInt()).isEqualTo(1);
        assertThat(report.getBody().at("/stuck/0/ticket").asText()).isEqualTo(waiting);
        ProcessInstance moved = instanceOf(accepted);
        assertThat(repositoryService.getProcessDefinition(moved.getProcessDefinitionId()).getDeploymentId())
                .isEqualTo(version2);
        assertThat(runtimeService.getActiveActivityIds(moved.getId())).contains("handleInquiry");
        assertThat(timers(accepted)).as("the SLA timers, due as before").isEqualTo(timersBefore).isNotEmpty();
        JsonNode after = ticket(accepted);
        assertThat(clocks(after)).as("the SLA clocks").isEqualTo(clocks(before)).hasSize(2);
        assertThat(timelineTypes(accepted)).as("the timeline kept, one entry added")
                .startsWith(timelineTypes(before).toArray(String[]::new)).endsWith("VERSION_CHANGED");
        assertThat(after.get("timeline").get(after.get("timeline").size() - 1).get("actor").asText()).isEqualTo("ana");
        assertThat(repositoryService.getProcessDefinition(instanceOf(waiting).getProcessDefinitionId()).getVersion())
                .as("the ticket that cannot move runs on in its version").isEqualTo(1);
    }

    @Test
    void only_analysts_supervisors_managers_and_administrators_may_migrate_and_bad_requests_are_400s() {
        deploy(version1());

        assertThat(migrate("alice", "{\"dryRun\":true}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(migrate("crm", "{\"dryRun\":true}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(migrate("sam", "{\"dryRun\":true}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(migrate("mia", "{\"dryRun\":true}").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> noDryRun = migrate("ana", "{}");
        assertThat(noDryRun.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noDryRun.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(noDryRun.getBody().toString()).contains("dryRun");
        assertThat(post("ana", "/api/ticket-types/noSuchType/migrations", "{\"dryRun\":true}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    // ------------------------------------------------------------------------------------------------ the type

    /** Inquiry as its own type (same elements and forms), so that other tests' inquiries are not touched. */
    private static String version1() {
        try {
            return Files.readString(Path.of("processes/inquiry.bpmn"), StandardCharsets.UTF_8)
                    .replace("id=\"inquiry\"", "id=\"" + TYPE + "\"")
                    .replace("bpmnElement=\"inquiry\"", "bpmnElement=\"" + TYPE + "\"");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The second version: the acceptance step got another id, so a ticket waiting in it has nowhere to go. */
    private static String version2WithRenamedAcceptance() {
        return version1().replace("acceptInquiry", "acceptRequest");
    }

    private String deploy(String bpmn) {
        String id = repositoryService.createDeployment().name(TYPE)
                .addString(TYPE + ".bpmn", bpmn).deploy().getId();
        deployments.add(id);
        return id;
    }

    // ------------------------------------------------------------------------------------------------ tickets

    private String open() {
        ResponseEntity<JsonNode> created = post("alice", "/api/tickets", """
                {"type":"%s","subject":"积分没有到账","customer":{"name":"韩梅梅","email":"han@example.com"}}"""
                .formatted(TYPE));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("number").asText();
    }

    private String openAndAccept() {
        String number = open();
        JsonNode task = ticket(number).at("/currentTasks/0");
        String agent = task.path("assignee").asText("alice");
        if (!task.hasNonNull("assignee")) {
            assertThat(post(agent, "/api/tickets/" + number + "/tasks/" + task.get("id").asText() + "/claim", "{}")
                    .getStatusCode().is2xxSuccessful()).isTrue();
        }
        assertThat(post(agent, "/api/tickets/" + number + "/tasks/" + task.get("id").asText() + "/complete",
                "{\"variables\":{\"internalNote\":\"已受理\"}}").getStatusCode().is2xxSuccessful()).isTrue();
        return number;
    }

    private ProcessInstance instanceOf(String number) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    /** The ticket's timers by their activity, with their due dates. */
    private Map<String, Date> timers(String number) {
        return managementService.createJobQuery().processInstanceId(instanceOf(number).getId()).timers().list()
                .stream().collect(Collectors.toMap(job -> managementService.createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId(), Job::getDuedate));
    }

    private JsonNode ticket(String number) {
        return http.withBasicAuth("admin", "admin").getForEntity("/api/tickets/" + number, JsonNode.class).getBody();
    }

    /** Each SLA clock's target, state and deadlines (not the minutes used, which move with the clock). */
    private static List<String> clocks(JsonNode ticket) {
        List<String> clocks = new ArrayList<>();
        ticket.get("sla").forEach(clock -> clocks.add(clock.get("target").asText() + " " + clock.get("state").asText()
                + " " + clock.path("startedAt").asText() + " " + clock.path("warningAt").asText() + " "
                + clock.path("dueAt").asText()));
        return clocks;
    }

    private List<String> timelineTypes(String number) {
        return timelineTypes(ticket(number));
    }

    private static List<String> timelineTypes(JsonNode ticket) {
        List<String> types = new ArrayList<>();
        ticket.get("timeline").forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private ResponseEntity<JsonNode> migrate(String user, String json) {
        return post(user, "/api/ticket-types/" + TYPE + "/migrations", json);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "admin".equals(user) ? "admin" : "demo")
                .postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
    }
}

package io.flowdesk.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.web.SupportDesk;
import io.flowdesk.web.SupportDesk.Answer;
import io.flowdesk.web.SupportDesk.HeldTask;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents claim, unclaim and complete a ticket's tasks through our API; whoever gets there second hears a 409. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TicketTasksApiTest {

    final TestRestTemplate http;
    final SupportDesk desk;

    TicketTasksApiTest(@Autowired TestRestTemplate http, @Autowired ProcessEngine engine) {
        this.http = http;
        this.desk = new SupportDesk(http, engine);
    }

    @Test
    void an_agent_takes_over_a_task_its_supervisor_took_back_and_completes_it_with_the_forms_variables() {
        HeldTask task = desk.openTicket();

        assertThat(desk.post("sam", "/engine-rest/task/" + task.id() + "/assignee", "{\"userId\":\"bob\"}").status())
                .as("sam supervises support: he reassigns its tasks").isEqualTo(204);
        assertThat(act(task, "bob", "unclaim", null).status())
                .as("taking a task back into the queue is a supervisor's act").isEqualTo(403);
        assertThat(act(task, "sam", "unclaim", null).status()).as("sam supervises support").isEqualTo(204);
        assertThat(act(task, task.other(), "claim", null).status()).isEqualTo(204);
        assertThat(desk.get("alice", "/api/tickets/" + task.number()).body().at("/currentTasks/0/assignee").asText())
                .isEqualTo(task.other());
        assertThat(act(task, task.other(), "complete",
                "{\"variables\":{\"internalNote\":\"客户是老会员\",\"priority\":\"high\"}}").status()).isEqualTo(204);

        JsonNode ticket = desk.get("alice", "/api/tickets/" + task.number()).body();
        assertThat(ticket.get("priority").asText()).isEqualTo("high");
        assertThat(ticket.at("/currentTasks/0/key").asText()).isEqualTo("handleInquiry");
        assertThat(ticket.get("timeline")).anySatisfy(entry -> {
            assertThat(entry.get("type").asText()).isEqualTo("INTERNAL_NOTE");
            assertThat(entry.get("body").asText()).isEqualTo("客户是老会员");
            assertThat(entry.get("actor").asText()).isEqualTo(task.other());
        });
        assertThat(desk.timesCompleted(task)).isEqualTo(1);
    }

    @Test
    void claiming_a_task_someone_else_holds_is_a_409_naming_the_holder() {
        HeldTask task = desk.openTicket();

        Answer claim = act(task, task.other(), "claim", null);

        assertProblem(claim, 409, "Task already claimed");
        assertThat(claim.body().get("detail").asText()).startsWith("Task already claimed by " + task.holder());
        assertThat(claim.body().get("taskId").asText()).isEqualTo(task.id());
        assertThat(act(task, task.holder(), "claim", null).status()).as("the holder's own claim").isEqualTo(204);
    }

    @Test
    void acting_on_a_completed_task_is_a_409() {
        HeldTask task = desk.openTicket();
        assertThat(act(task, task.holder(), "complete", null).status()).isEqualTo(204);

        for (String action : List.of("complete", "claim", "unclaim")) {
            Answer again = act(task, task.other(), action, null);
            assertProblem(again, 409, "Task already completed");
            assertThat(again.body().get("detail").asText()).as(action).startsWith("Task already completed");
        }
        assertThat(desk.timesCompleted(task)).isEqualTo(1);
    }

    @Test
    void a_supervisor_completes_an_escalation_of_the_shared_step_and_a_second_try_is_a_409() {
        HeldTask escalation = desk.escalateLateFirstResponse(desk.openTicket());

        assertThat(act(escalation, escalation.holder(), "complete", "{\"variables\":{\"internalNote\":\"已提醒 alice\"}}").status())
                .isEqualTo(204);
        Answer again = act(escalation, escalation.holder(), "complete", null);

        assertProblem(again, 409, "Task already completed");
        JsonNode ticket = desk.get("alice", "/api/tickets/" + escalation.number()).body();
        assertThat(ticket.get("group").asText()).isEqualTo("support");
        assertThat(ticket.get("currentTasks")).hasSize(1);
        assertThat(desk.timesCompleted(escalation)).isEqualTo(1);
    }

    @Test
    void an_unknown_ticket_or_a_task_not_open_on_the_ticket_is_a_404() {
        HeldTask task = desk.openTicket();
        HeldTask another = desk.openTicket();

        assertProblem(desk.post("alice", "/api/tickets/TK-999999/tasks/" + task.id() + "/claim", ""), 404,
                "Ticket not found");
        assertProblem(desk.post("alice", "/api/tickets/" + task.number() + "/tasks/never-a-task/complete", ""), 404,
                "Task not found");
        assertProblem(desk.post("alice", "/api/tickets/" + task.number() + "/tasks/" + another.id() + "/claim", ""),
                404, "Task not found");
        for (String action : List.of("claim", "unclaim", "complete")) {
            assertProblem(desk.post("tom", "/api/tickets/" + task.number() + "/tasks/" + task.id() + "/" + action, ""),
                    404, "Ticket not found"); // tom is of tech: support's ticket does not exist for him
        }
    }

    @Test
    void bad_variables_are_a_400_naming_the_field_and_leave_the_task_open() {
        HeldTask task = desk.openTicket();

        assertThat(fields(act(task, task.holder(), "complete", "{\"variables\":{\"orderNumber\":{\"id\":1}}}")))
                .containsExactly("variables.orderNumber");
        assertThat(fields(act(task, task.holder(), "complete", "{\"variables\":{\"priority\":\"asap\"}}")))
                .containsExactly("variables.priority");
        assertThat(fields(act(task, task.holder(), "complete", "{\"variables\":[\"publicReply\"]}")))
                .containsExactly("variables");
        assertProblem(act(task, task.holder(), "complete", "{\"variables\":"), 400, "Malformed request body");

        assertThat(desk.get("alice", "/api/tickets/" + task.number()).body().at("/currentTasks/0/id").asText())
                .isEqualTo(task.id());
    }

    @Test
    void of_two_agents_completing_one_task_at_once_one_wins_and_the_other_gets_a_409() throws Exception {
        List<List<Integer>> rounds = desk.race((task, agent) -> act(task, agent, "complete",
                "{\"variables\":{\"internalNote\":\"" + agent + " 已受理\"}}"));

        assertThat(rounds).as("statuses of each round").allSatisfy(round -> assertThat(round).containsExactly(204, 409));
    }

    @Test
    void the_openapi_document_describes_the_task_actions() {
        assertThat(http.getForEntity("/v3/api-docs", String.class).getBody()).contains(
                "/api/tickets/{number}/tasks/{taskId}/claim", "/api/tickets/{number}/tasks/{taskId}/unclaim",
                "/api/tickets/{number}/tasks/{taskId}/complete");
    }

    /** An action of our API on the task, with a JSON body or none. */
    private Answer act(HeldTask task, String agent, String action, String json) {
        return desk.post(agent, "/api/tickets/" + task.number() + "/tasks/" + task.id() + "/" + action,
                json == null ? "" : json);
    }

    private static void assertProblem(Answer answer, int status, String title) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("title").asText()).isEqualTo(title);
        assertThat(answer.body().get("detail").asText()).isNotBlank();
    }

    private static List<String> fields(Answer problem) {
        assertThat(problem.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        problem.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}

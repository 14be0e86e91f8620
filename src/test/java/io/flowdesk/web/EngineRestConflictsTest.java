package io.flowdesk.web;

import io.flowdesk.web.SupportDesk.Answer;
import io.flowdesk.web.SupportDesk.HeldTask;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engine REST and Tasklist's engine API answer another agent's work that got there first with 409 and Camunda's
 * error body, never 500; a task that never existed is a 404; every other error is answered as Camunda does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineRestConflictsTest {

    final SupportDesk desk;

    EngineRestConflictsTest(@Autowired TestRestTemplate http, @Autowired ProcessEngine engine) {
        this.desk = new SupportDesk(http, engine);
    }

    @Test
    void claiming_a_task_someone_else_holds_is_a_409_with_camundas_error_body() {
        HeldTask task = desk.openTicket();

        Answer claim = desk.post(task.other(), "/engine-rest/task/" + task.id() + "/claim",
                "{\"userId\":\"" + task.other() + "\"}");

        assertCamundaConflict(claim, "TaskAlreadyClaimedException");
        assertThat(desk.get("alice", "/engine-rest/task/" + task.id()).body().get("assignee").asText())
                .isEqualTo(task.holder());
    }

    @Test
    void in_tasklist_claiming_a_task_someone_else_holds_or_submitting_a_completed_one_is_a_409() {
        HeldTask task = desk.openTicket();
        SupportDesk.Tasklist tasklist = desk.tasklist(task.other());

        assertCamundaConflict(tasklist.post("/task/" + task.id() + "/claim", "{\"userId\":\"" + task.other() + "\"}"),
                "TaskAlreadyClaimedException");

        assertThat(complete(task, task.holder()).status()).isEqualTo(204);
        Answer submit = tasklist.post("/task/" + task.id() + "/submit-form", "{\"variables\":{}}");
        assertCamundaConflict(submit, null);
        assertThat(submit.body().get("message").asText()).endsWith("was already completed");
        assertThat(tasklist.post("/task/never-a-task/claim", "{\"userId\":\"alice\"}").status()).isEqualTo(404);
    }

    @Test
    void acting_on_a_completed_task_is_a_409_and_on_a_task_that_never_existed_a_404() {
        HeldTask task = desk.openTicket();
        assertThat(complete(task, task.holder()).status()).isEqualTo(204);

        Map<String, String> actions = Map.of("complete", "{\"variables\":{}}", "submit-form", "{\"variables\":{}}",
                "claim", "{\"userId\":\"alice\"}", "unclaim", "{}");
        for (String action : actions.keySet()) {
            Answer again = desk.post("alice", "/engine-rest/task/" + task.id() + "/" + action, actions.get(action));
            assertCamundaConflict(again, null);
            assertThat(again.body().get("message").asText()).as(action)
                    .isEqualTo("Task " + task.id() + " was already completed");

            Answer never = desk.post("alice", "/engine-rest/task/never-a-task/" + action, actions.get(action));
            assertThat(never.status()).as(action).isEqualTo(404);
            assertThat(never.body().get("message").asText()).as(action).contains("never-a-task");
        }
        assertThat(desk.timesCompleted(task)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"submit-form", "complete"})
    void of_two_agents_completing_one_task_at_once_one_wins_and_the_other_gets_a_409(String action) throws Exception {
        List<List<Integer>> rounds = desk.race((task, agent) ->
                desk.post(agent, "/engine-rest/task/" + task.id() + "/" + action, "{\"variables\":{}}"));

        assertThat(rounds).as("statuses of each round").allSatisfy(round -> assertThat(round).containsExactly(204, 409));
    }

    @Test
    void other_errors_are_answered_as_camunda_and_the_ticket_checks_answer_them() {
        HeldTask task = desk.openTicket();

        Answer unknown = desk.get("alice", "/engine-rest/task/never-a-task");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("type").asText()).isEqualTo("InvalidRequestException");

        Answer invalid = desk.post(task.holder(), "/engine-rest/task/" + task.id() + "/submit-form",
                "{\"variables\":{\"priority\":{\"value\":\"asap\"}}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("message").asText()).contains("priority");
        assertThat(desk.get("alice", "/engine-rest/task/" + task.id()).status()).as("still open").isEqualTo(200);
    }

    private Answer complete(HeldTask task, String agent) {
        return desk.post(agent, "/engine-rest/task/" + task.id() + "/complete", "{\"variables\":{}}");
    }

    /** 409 with Camunda's error body, of the given type if one is given. */
    private static void assertCamundaConflict(Answer answer, String type) {
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body().get("message").asText()).isNotBlank();
        assertThat(answer.body().has("code")).isTrue();
        if (type != null) {
            assertThat(answer.body().get("type").asText()).isEqualTo(type);
        }
    }
}

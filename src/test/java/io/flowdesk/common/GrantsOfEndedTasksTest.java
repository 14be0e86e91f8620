package io.flowdesk.common;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grant rows of a task that ends ({@link AuthorizationChecks}, {@link TaskWithGrants}): the task that follows it
 * in the same command and is offered to the same group takes that group's row over (same row, now naming the new
 * task); a task offered to another group gets a row of its own; the ended task keeps none, its assignee's included.
 * The engine grants as Camunda's default provider does (the candidate group reads and works the task).
 */
class GrantsOfEndedTasksTest {

    private ProcessEngine engine;

    @BeforeEach
    void engine() {
        start(AuthorizedEngines.onH2("grants-of-ended-tasks"));
    }

    private void start(ProcessEngineConfigurationImpl configuration) {
        if (engine != null) {
            engine.close();
        }
        engine = AuthorizedEngines.withChecksAndTaskQueries(configuration);
        engine.getRepositoryService().createDeployment().addModelInstance("handOff.bpmn",
                Bpmn.createExecutableProcess("handOff").startEvent()
                        .userTask("accept").camundaCandidateGroups("support")
                        .userTask("handle").camundaCandidateGroups("support")
                        .userTask("fix").camundaCandidateGroups("tech")
                        .endEvent().done()).deploy();
        engine.getRuntimeService().startProcessInstanceByKey("handOff", "TK-000001");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void the_next_task_of_the_same_group_takes_the_row_over_and_another_group_gets_its_own() {
        handsOff();
    }

    /** The same on MySQL / MariaDB. */
    @Test
    @EnabledIf("io.flowdesk.database.MySqlDatabaseTest#serverReachableOrRequired")
    void the_same_on_mysql() throws SQLException {
        start(AuthorizedEngines.onMySql("flowdesk_ended_task_grants_test", "grants-of-ended-tasks"));
        handsOff();
    }

    private void handsOff() {
        Task accept = openTask();
        Authorization acceptRow = onlyRowOf(accept.getId());
        assertThat(acceptRow.getGroupId()).isEqualTo("support");

        as("alice", "support", () -> engine.getTaskService().complete(accept.getId()));
        Task handle = openTask();
        assertThat(handle.getTaskDefinitionKey()).isEqualTo("handle");
        assertThat(rowsOf(accept.getId())).isEmpty();
        Authorization handleRow = onlyRowOf(handle.getId());
        assertThat(handleRow.getId()).as("the same row, taken over").isEqualTo(acceptRow.getId());
        assertThat(handleRow.getGroupId()).isEqualTo("support");
        assertThat(handleRow.getPermissions(new org.camunda.bpm.engine.authorization.Permission[0]))
                .isEqualTo(acceptRow.getPermissions(new org.camunda.bpm.engine.authorization.Permission[0]));

        as("alice", "support", () -> engine.getTaskService().claim(handle.getId(), "alice"));
        assertThat(rowsOf(handle.getId())).extracting(Authorization::getUserId).contains("alice");
        as("alice", "support", () -> engine.getTaskService().complete(handle.getId()));
        Task fix = openTask();
        assertThat(fix.getTaskDefinitionKey()).isEqualTo("fix");
        assertThat(rowsOf(handle.getId())).as("the ended task's rows, its assignee's too").isEmpty();
        Authorization fixRow = onlyRowOf(fix.getId());
        assertThat(fixRow.getGroupId()).isEqualTo("tech");
        assertThat(fixRow.getId()).isNotEqualTo(handleRow.getId());

        assertThat(as("alice", "support", () -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey("TK-000001").list())).as("support's agent after the hand-off").isEmpty();
        assertThat(as("tom", "tech", () -> engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey("TK-000001").list())).extracting(Task::getId).containsExactly(fix.getId());
        as("tom", "tech", () -> engine.getTaskService().complete(fix.getId()));
        assertThat(rowsOf(fix.getId())).isEmpty();
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).count())
                .as("no row left of any task of the ended flow").isZero();
    }

    @Test
    void a_task_completed_by_someone_without_the_right_keeps_its_row() {
        Task accept = openTask();
        String row = onlyRowOf(accept.getId()).getId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as("tom", "tech",
                () -> engine.getTaskService().complete(accept.getId())))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThat(onlyRowOf(accept.getId()).getId()).isEqualTo(row);
    }

    private Task openTask() {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey("TK-000001").singleResult();
    }

    private List<Authorization> rowsOf(String taskId) {
        return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(taskId).list();
    }

    private Authorization onlyRowOf(String taskId) {
        List<Authorization> rows = rowsOf(taskId);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private void as(String user, String group, Runnable action) {
        as(user, group, () -> {
            action.run();
            return null;
        });
    }

    private <T> T as(String user, String group, java.util.function.Supplier<T> action) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}

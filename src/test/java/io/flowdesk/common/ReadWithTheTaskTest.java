package io.flowdesk.common;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completing a task as a user whose permission the engine checks ({@link ReadWithTheTask}): the statement that reads
 * the task brings the executions of its ticket (here two: a timer on the task makes it a scope), its identity links and whether it has sub-tasks, variables of its own and company on its
 * execution, and when it and its activity instance started in the history, so the completion reads none of them again
 * and the history's durations are right; a task that has a sub-task and a variable of its own still
 * has both read and deleted with it, as Camunda deletes them.
 */
class ReadWithTheTaskTest {

    /** Camunda's statements for what the task's own statement now brings. */
    private static final List<String> READ_WITH_THE_TASK = List.of("selectIdentityLinksByTask",
            "selectTasksByParentTaskId", "selectVariablesByTaskId", "selectTasksByExecutionId",
            "selectHistoricTaskInstanceEvent", "selectHistoricActivityInstanceEvent", "selectExecution",
            "selectExecutionsByProcessInstanceId");

    private ProcessEngine engine;
    private String ticket;
    private final TasksOfOneTicketTest.Statements statements = new TasksOfOneTicketTest.Statements();

    @BeforeEach
    void engine() {
        start(AuthorizedEngines.onH2("read-with-the-task"));
    }

    private void start(ProcessEngineConfigurationImpl configuration) {
        if (engine != null) {
            engine.close();
        }
        engine = AuthorizedEngines.withChecksAndTaskQueries(configuration, "full");
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(statements);
        engine.getRepositoryService().createDeployment().addModelInstance("twoSteps.bpmn",
                Bpmn.createExecutableProcess("twoSteps").startEvent()
                        .userTask("accept").camundaCandidateGroups("support, vip-desk")
                        .boundaryEvent("firstResponseDue").cancelActivity(false).timerWithDuration("PT1H")
                        .endEvent().moveToActivity("accept")
                        .userTask("handle").camundaCandidateGroups("support")
                        .endEvent().done()).deploy();
        open("TK-000001");
    }

    private void open(String number) {
        ticket = number;
        engine.getRuntimeService().startProcessInstanceByKey("twoSteps", number);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void a_completion_reads_the_task_s_links_sub_tasks_variables_and_execution_with_the_task() {
        completesWithTheTaskRead();
    }

    @Test
    void a_sub_task_and_a_variable_of_the_task_s_own_are_read_and_deleted_with_it() {
        completesWithSubtaskAndVariable();
    }

    /** The same on MySQL / MariaDB. */
    @Test
    @EnabledIf("io.flowdesk.database.MySqlDatabaseTest#serverReachableOrRequired")
    void the_same_on_mysql() throws SQLException {
        start(AuthorizedEngines.onMySql("flowdesk_read_with_the_task_test", "read-with-the-task"));
        completesWithTheTaskRead();
        open("TK-000002");
        completesWithSubtaskAndVariable();
    }

    private void completesWithTheTaskRead() {
        Task accept = openTask("accept");
        assertThat(linksOf(accept.getId())).isEqualTo(2);
        Date started = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(accept.getId())
                .singleResult().getStartTime();

        completeAsSupport(accept.getId());

        assertThat(statements.read).as("the task read with what completing it reads")
                .contains(TaskWithGrants.STATEMENT).doesNotContainAnyElementsOf(READ_WITH_THE_TASK);
        assertThat(linksOf(accept.getId())).as("both candidate groups' links deleted with the task").isZero();
        assertThat(engine.getTaskService().createTaskQuery().taskId(accept.getId()).count()).isZero();
        assertThat(openTask("handle")).isNotNull();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(accept.getProcessInstanceId())
                .count()).as("the task's timer ends with its scope").isZero();
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(accept.getProcessInstanceId())
                .count()).as("the scope of the task and its timer is gone").isEqualTo(1);
        HistoricTaskInstance ended = engine.getHistoryService().createHistoricTaskInstanceQuery()
                .taskId(accept.getId()).singleResult();
        assertThat(ended.getStartTime()).as("the history's start, as it was").isEqualTo(started);
        assertThat(ended.getDurationInMillis()).as("its duration from that start (MySQL keeps whole seconds)")
                .isBetween(ended.getEndTime().getTime() - started.getTime() - 1000,
                        ended.getEndTime().getTime() - started.getTime() + 1000);
        HistoricActivityInstance activity = engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId("accept").processInstanceId(accept.getProcessInstanceId()).singleResult();
        assertThat(activity.getDurationInMillis()).isBetween(
                activity.getEndTime().getTime() - activity.getStartTime().getTime() - 1000,
                activity.getEndTime().getTime() - activity.getStartTime().getTime() + 1000);
    }

    private void completesWithSubtaskAndVariable() {
        Task accept = openTask("accept");
        Task note = engine.getTaskService().newTask();
        note.setName("ask the warehouse");
        note.setParentTaskId(accept.getId());
        engine.getTaskService().saveTask(note);
        engine.getTaskService().setVariableLocal(accept.getId(), "internalNote", "补发前先核对库存");

        completeAsSupport(accept.getId());

        assertThat(statements.read).as("what the task has is read as Camunda reads it")
                .contains(TaskWithGrants.STATEMENT, "selectTasksByParentTaskId", "selectVariablesByTaskId");
        assertThat(engine.getTaskService().createTaskQuery().taskId(note.getId()).count())
                .as("the sub-task ends with its task").isZero();
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().taskIdIn(accept.getId()).count())
                .as("the task's own variable ends with it").isZero();
        assertThat(linksOf(accept.getId())).isZero();
    }

    private Task openTask(String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ticket).taskDefinitionKey(key)
                .singleResult();
    }

    /** The identity link rows of the task in the database (Camunda's query asks for the task first). */
    private long linksOf(String taskId) {
        DataSource data = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        try (Connection connection = data.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from ACT_RU_IDENTITYLINK where TASK_ID_ = ?")) {
            count.setString(1, taskId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void completeAsSupport(String taskId) {
        engine.getIdentityService().setAuthentication("alice", List.of("support"));
        try {
            statements.read.clear();
            engine.getTaskService().complete(taskId);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}

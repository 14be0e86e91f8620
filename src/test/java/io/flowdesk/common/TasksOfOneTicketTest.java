package io.flowdesk.common;

import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tasks of one ticket ({@link TasksOfOneProcess}), as a system or an agent looks up the task to complete: each
 * task comes with the grant rows on it in the query's own statement ({@link TaskWithGrants}), and the check in Java
 * decides on them without a read of its own; an order the statement cannot repeat outside (by a variable) takes
 * Camunda's statement and a read of the grants, with the same answer. A ticket waiting on two departments at once
 * (parallel tasks) shows each its own task, and someone in both departments both, in the order asked for.
 */
class TasksOfOneTicketTest {

    private static final String TICKET = "TK-000001";

    private ProcessEngine engine;
    private final Statements statements = new Statements();

    @BeforeEach
    void engine() {
        start(AuthorizedEngines.onH2("tasks-of-one-ticket"));
    }

    private void start(ProcessEngineConfigurationImpl configuration) {
        if (engine != null) {
            engine.close();
        }
        engine = AuthorizedEngines.withChecksAndTaskQueries(configuration);
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(statements);
        engine.getRepositoryService().createDeployment().addModelInstance("twoDepartments.bpmn",
                Bpmn.createExecutableProcess("twoDepartments").startEvent().parallelGateway("split")
                        .userTask("answerCustomer").name("b answer the customer").camundaCandidateGroups("support")
                        .endEvent()
                        .moveToNode("split")
                        .userTask("checkInstallation").name("a check the installation")
                        .camundaCandidateGroups("tech").endEvent().done()).deploy();
        engine.getRuntimeService().startProcessInstanceByKey("twoDepartments", TICKET);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void each_department_finds_its_own_task_with_one_statement() {
        findsItsOwnTaskWithOneStatement();
    }

    /** The same on MySQL / MariaDB. */
    @Test
    @EnabledIf("io.flowdesk.database.MySqlDatabaseTest#serverReachableOrRequired")
    void the_same_on_mysql() throws SQLException {
        start(AuthorizedEngines.onMySql("flowdesk_tasks_of_one_ticket_test", "tasks-of-one-ticket"));
        findsItsOwnTaskWithOneStatement();
    }

    private void findsItsOwnTaskWithOneStatement() {
        assertThat(keysFound("alice", List.of("support"), q -> q)).containsExactly("answerCustomer");
        assertThat(statements.read).as("the task query, with the grant rows").contains(TaskWithGrants.BY_QUERY_STATEMENT)
                .doesNotContain(TaskQueries.CAMUNDA_STATEMENT);
        assertThat(statements.grantsReadOf).as("no read of the tasks' grant rows for the check")
                .doesNotContainAnyElementsOf(taskIds());

        assertThat(keysFound("tom", List.of("tech"), q -> q)).containsExactly("checkInstallation");
        assertThat(statements.read).contains(TaskWithGrants.BY_QUERY_STATEMENT);
        assertThat(statements.grantsReadOf).doesNotContainAnyElementsOf(taskIds());

        assertThat(keysFound("fiona", List.of("finance"), q -> q)).as("a department the ticket never reached")
                .isEmpty();

        assertThat(keysFound("sam", List.of("support", "tech"), q -> q.orderByTaskName().asc()))
                .containsExactly("checkInstallation", "answerCustomer");
        assertThat(keysFound("sam", List.of("support", "tech"), q -> q.orderByTaskName().desc()))
                .containsExactly("answerCustomer", "checkInstallation");
        assertThat(statements.read).contains(TaskWithGrants.BY_QUERY_STATEMENT);
        assertThat(statements.grantsReadOf).doesNotContainAnyElementsOf(taskIds());
    }

    @Test
    void an_order_by_a_variable_takes_camundas_statement_with_the_same_answer() {
        assertThat(keysFound("tom", List.of("tech"), q -> q.orderByProcessVariable("priority",
                ValueType.STRING).asc())).containsExactly("checkInstallation");
        assertThat(statements.read).contains(TaskQueries.CAMUNDA_STATEMENT)
                .doesNotContain(TaskWithGrants.BY_QUERY_STATEMENT);
        assertThat(statements.grantsReadOf).as("the check reads the task's rows itself").containsAnyElementsOf(taskIds());
    }

    private List<String> taskIds() {
        return engine.getTaskService().createTaskQuery().list().stream().map(Task::getId).toList();
    }

    private List<String> keysFound(String user, List<String> groups, UnaryOperator<TaskQuery> order) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            statements.read.clear();
            statements.grantsReadOf.clear();
            return order.apply(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(TICKET)).list()
                    .stream().map(Task::getTaskDefinitionKey).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /**
     * The statements the engine reads with (their ids without the mapper's namespace), in order, and the resource ids
     * whose grant rows were read.
     */
    @Intercepts(@Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
    static final class Statements implements Interceptor {

        final List<String> read = new CopyOnWriteArrayList<>();
        final List<Object> grantsReadOf = new CopyOnWriteArrayList<>();

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            String id = ((MappedStatement) invocation.getArgs()[0]).getId();
            read.add(id.substring(id.lastIndexOf('.') + 1));
            if (id.contains("GrantRows") && invocation.getArgs()[1] instanceof Map<?, ?> parameters
                    && parameters.get("resourceIds") instanceof Collection<?> ids) {
                grantsReadOf.addAll(ids);
            }
            return invocation.proceed();
        }
    }
}

package io.flowdesk.common;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PermissionDecision} (with the rows {@link AuthorizationChecks} reads) answers every permission check as
 * Camunda's own statement does: random sets of grants, revokes and global authorizations to the user, their groups,
 * other users and groups and everyone, on tasks and process definitions and all of them, with random permission bits;
 * the checks the engine makes (working a task: four checks "or"ed), single, "or"ed and "and"ed checks, with and
 * without a value for "no authorization found";
 * revoke checks on and off; a user with groups, without, and with none that holds a grant. Each answer is compared
 * with Camunda's {@code isUserAuthorizedForResource} on the same database, H2 and MySQL / MariaDB; and the tasks of
 * a ticket that the engine's task query returns ({@link TasksOfOneProcess}) and its count of tasks ({@link
 * TaskCount}) with those of Camunda's statements.
 */
class PermissionDecisionTest {

    private static final String USER = "u";
    private static final List<String> PRINCIPALS = List.of("user:u", "user:v", "group:g1", "group:g2", "group:gx",
            "everyone");
    private static final List<Resource> RESOURCES = List.of(Resources.TASK, Resources.PROCESS_DEFINITION);
    private static final String BUSINESS_KEY = "TK-000001";
    private static final List<String> DEFINITION_KEYS = List.of("d1", "*");
    /** The two tasks of the ticket's process (definition d1): t1 and t2 in the checks. */
    private List<String> taskIds;
    /** The bits the checks ask for, so that random rows hold some of them and lack others. */
    private static final int[] BITS = {Permissions.READ.getValue(), Permissions.UPDATE.getValue(),
            TaskPermissions.TASK_WORK.getValue(), TaskPermissions.READ_VARIABLE.getValue(),
            ProcessDefinitionPermissions.READ_TASK.getValue(), ProcessDefinitionPermissions.UPDATE_TASK.getValue()};

    @Test
    void answers_as_camunda_s_statement_on_h2() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:permission-decision-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=1000");
        agreesWithCamunda(configuration, 200);
    }

    @Test
    @EnabledIf("io.flowdesk.database.MySqlDatabaseTest#serverReachableOrRequired")
    void answers_as_camunda_s_statement_on_mysql() throws SQLException {
        agreesWithCamunda(AuthorizedEngines.onMySql("flowdesk_permission_test", null), 60);
    }

    /**
     * The grants on definitions and on all tasks are kept between checks ({@link TypeGrants}); one the engine makes
     * or takes back (an administrator in Admin) counts from the next check on, not seconds later.
     */
    @Test
    void a_grant_made_or_taken_back_through_the_engine_counts_at_once() {
        StandaloneInMemProcessEngineConfiguration configuration = AuthorizedEngines.onH2("permission-kept");
        configuration.setHistory("none");
        configuration.getProcessEnginePlugins().add(new AuthorizationChecks(InheritedGrants.NONE));
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            CompositePermissionCheck readTask = any(atomic(Permissions.READ, Resources.TASK, "t1"),
                    atomic(ProcessDefinitionPermissions.READ_TASK, Resources.PROCESS_DEFINITION, "d1"));
            Command<Boolean> check = context -> AuthorizationChecks.decide(USER, List.of("g1"), true, readTask);
            assertThat(configuration.getCommandExecutorTxRequired().execute(check)).isFalse();

            org.camunda.bpm.engine.authorization.Authorization onDefinition = engine.getAuthorizationService()
                    .createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
            onDefinition.setGroupId("g1");
            onDefinition.setResource(Resources.PROCESS_DEFINITION);
            onDefinition.setResourceId("d1");
            onDefinition.addPermission(ProcessDefinitionPermissions.READ_TASK);
            String grantId = engine.getAuthorizationService().saveAuthorization(onDefinition).getId();
            assertThat(configuration.getCommandExecutorTxRequired().execute(check)).as("granted").isTrue();

            org.camunda.bpm.engine.authorization.Authorization revokeAll = engine.getAuthorizationService()
                    .createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE);
            revokeAll.setUserId(USER);
            revokeAll.setResource(Resources.PROCESS_DEFINITION);
            revokeAll.setResourceId("*");
            revokeAll.removePermission(ProcessDefinitionPermissions.READ_TASK);
            String revokeId = engine.getAuthorizationService().saveAuthorization(revokeAll).getId();
            assertThat(configuration.getCommandExecutorTxRequired().execute(check))
                    .as("the user's revoke on all definitions outweighs a group's grant").isFalse();

            engine.getAuthorizationService().deleteAuthorization(revokeId);
            assertThat(configuration.getCommandExecutorTxRequired().execute(check)).as("revoke taken back").isTrue();
            engine.getAuthorizationService().deleteAuthorization(grantId);
            assertThat(configuration.getCommandExecutorTxRequired().execute(check)).as("grant taken back").isFalse();
        } finally {
            engine.close();
        }
    }

    private void agreesWithCamunda(ProcessEngineConfigurationImpl configuration, int scenarios) {
        AuthorizedEngines.checked(configuration, "permission-decision");
        configuration.setHistory("none");
        AuthorizationChecks authorizationChecks = new AuthorizationChecks(InheritedGrants.NONE);
        configuration.getProcessEnginePlugins().add(authorizationChecks);
        configuration.getProcessEnginePlugins().add(new TaskQueries());
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("d1.bpmn",
                    Bpmn.createExecutableProcess("d1").startEvent().parallelGateway("fork")
                            .userTask("first").name("first").endEvent().moveToNode("fork").userTask("second").name("second").endEvent().done())
                    .deploy();
            engine.getRuntimeService().startProcessInstanceByKey("d1", BUSINESS_KEY);
            engine.getRuntimeService().startProcessInstanceByKey("d1", "TK-000002");
            taskIds = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(BUSINESS_KEY)
                    .orderByTaskName().asc().list().stream().map(Task::getId).toList();
            assertThat(taskIds).hasSize(2);
            Random random = new Random(20261205);
            int compared = 0;
            int granted = 0;
            for (int scenario = 0; scenario < scenarios; scenario++) {
                List<String> rows = store(configuration.getDataSource(), random);
                authorizationChecks.forgetKeptGrants(); // the rows were written past the engine
                Set<String> groupsWithGrants = groupsWithGrants(configuration.getDataSource());
                for (List<String> groups : List.of(List.of("g1", "g2", "g3"), List.<String>of(), List.of("g3"))) {
                    List<String> authorized = groups.stream().filter(groupsWithGrants::contains).toList();
                    for (String user : Arrays.asList(USER, null)) {
                        for (boolean revokes : new boolean[] {true, false}) {
                            for (CompositePermissionCheck check : checks()) {
                                boolean camunda = configuration.getCommandExecutorTxRequired().execute(
                                        (Command<Boolean>) context -> context.getDbEntityManager().selectBoolean(
                                                "isUserAuthorizedForResource",
                                                new AuthorizationCheck(user, authorized, check, revokes)));
                                boolean ours = configuration.getCommandExecutorTxRequired().execute(
                                        (Command<Boolean>) context -> AuthorizationChecks.decide(user, authorized,
                                                revokes, check));
                                assertThat(ours).as("%s of %s with groups %s, revokes %s, given %s",
                                        describe(check), user, authorized, revokes, rows).isEqualTo(camunda);
                                boolean fromAllRows = configuration.getCommandExecutorTxRequired().execute(
                                        (Command<Boolean>) context -> AuthorizationChecks.decision(user, authorized,
                                                revokes, List.of(check), false).isAuthorized(check));
                                assertThat(fromAllRows).as("%s of %s with groups %s, revokes %s, from all rows, "
                                        + "given %s", describe(check), user, authorized, revokes, rows)
                                        .isEqualTo(camunda);
                                if (user != null && revokes) { // as the engine checks (revokes: always)
                                    boolean readWithTheTasks = withTheTasksRead(engine, user, groups,
                                            context -> AuthorizationChecks.decide(user, authorized, revokes, check));
                                    assertThat(readWithTheTasks).as("%s of %s with groups %s, revokes %s, from the "
                                                    + "rows read with the tasks, given %s", describe(check), user,
                                            authorized, revokes, rows).isEqualTo(camunda);
                                }
                                compared++;
                                granted += camunda ? 1 : 0;
                            }
                        }
                        if (user != null) {
                            assertThat(ticketTasks(engine, user, groups, false)).as(
                                    "the ticket's tasks for %s with groups %s, given %s", user, groups, rows)
                                    .isEqualTo(ticketTasks(engine, user, groups, true));
                            assertThat(taskCount(engine, user, groups, false)).as(
                                    "the count of tasks for %s with groups %s, given %s", user, groups, rows)
                                    .isEqualTo(taskCount(engine, user, groups, true));
                        }
                    }
                }
            }
            // the scenarios are worth their time only if both answers come up often
            assertThat(granted).isBetween(compared / 10, compared - compared / 10);
        } finally {
            engine.close();
        }
    }

    /**
     * The ids of the ticket's tasks the user may read: by the engine's task query ({@link TasksOfOneProcess}), or
     * by Camunda's own statement with its per-row checks.
     */
    private static List<String> ticketTasks(ProcessEngine engine, String user, List<String> groups, boolean camunda) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            if (!camunda) {
                return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(BUSINESS_KEY)
                        .orderByTaskName().asc().list().stream().map(Task::getId).toList();
            }
            return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getCommandExecutorTxRequired().execute(context -> {
                        TaskQueryImpl query = (TaskQueryImpl) new TaskQueryImpl().processInstanceBusinessKey(
                                BUSINESS_KEY).orderByTaskName().asc();
                        context.getAuthorizationManager().configureTaskQuery(query);
                        List<Task> tasks = context.getDbEntityManager().selectList(TaskQueries.CAMUNDA_STATEMENT,
                                query);
                        return tasks.stream().map(Task::getId).toList();
                    });
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /**
     * The answer of a check made in a command that has read the ticket's tasks as a command that works on one does
     * ({@link TaskWithGrants}: with their grant rows).
     */
    private <T> T withTheTasksRead(ProcessEngine engine, String user, List<String> groups, Command<T> check) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getCommandExecutorTxRequired().execute(context -> {
                        taskIds.forEach(id -> assertThat(context.getTaskManager().findTaskById(id)).isNotNull());
                        return check.execute(context);
                    });
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** How many tasks of all the user may read: by the engine's count ({@link TaskCount}), or Camunda's statement. */
    private static long taskCount(ProcessEngine engine, String user, List<String> groups, boolean camunda) {
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            if (!camunda) {
                return engine.getTaskService().createTaskQuery().count();
            }
            return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                    .getCommandExecutorTxRequired().execute(context -> {
                        TaskQueryImpl query = new TaskQueryImpl();
                        context.getAuthorizationManager().configureTaskQuery(query);
                        return (Long) context.getDbEntityManager().selectOne(TaskQueries.CAMUNDA_COUNT, query);
                    });
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Replaces the authorization table's rows with random ones; what it stored, for a failure's message. */
    private List<String> store(DataSource dataSource, Random random) {
        List<String> stored = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("delete from ACT_RU_AUTHORIZATION");
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into ACT_RU_AUTHORIZATION "
                    + "(ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) "
                    + "values (?, 1, ?, ?, ?, ?, ?, ?)")) {
                for (String principal : PRINCIPALS) {
                    int[] types = principal.equals("everyone") ? new int[] {0} : new int[] {1, 2};
                    for (int type : types) {
                        for (Resource resource : RESOURCES) {
                            for (String id : resource == Resources.TASK ? taskIdsAndAll() : DEFINITION_KEYS) {
                                if (random.nextInt(4) != 0) {
                                    continue;
                                }
                                int perms = perms(random);
                                insert.setString(1, UUID.randomUUID().toString());
                                insert.setInt(2, type);
                                insert.setString(3, principal.startsWith("group:") ? principal.substring(6) : null);
                                insert.setString(4, principal.startsWith("user:") ? principal.substring(5)
                                        : principal.equals("everyone") ? "*" : null);
                                insert.setInt(5, resource.resourceType());
                                insert.setString(6, id);
                                insert.setInt(7, perms);
                                insert.executeUpdate();
                                stored.add(principal + " " + type + " " + resource.resourceName() + ":" + id + " "
                                        + Integer.toBinaryString(perms));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return stored;
    }

    private List<String> taskIdsAndAll() {
        return List.of(taskIds.get(0), taskIds.get(1), "*");
    }

    /** All bits, none, or some of those the checks ask for (a revoke row holds all but the revoked ones). */
    private static int perms(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.MAX_VALUE;
            case 1 -> 0;
            default -> {
                int perms = 0;
                for (int bit : BITS) {
                    perms |= random.nextBoolean() ? bit : 0;
                }
                yield random.nextBoolean() ? perms : Integer.MAX_VALUE & ~perms;
            }
        };
    }

    private static Set<String> groupsWithGrants(DataSource dataSource) {
        Set<String> groups = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION")) {
            while (rows.next()) {
                groups.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return groups;
    }

    /** The engine's own check for working a task, and the other shapes of check that commands make. */
    private List<CompositePermissionCheck> checks() {
        List<CompositePermissionCheck> checks = new ArrayList<>();
        checks.add(any(atomic(TaskPermissions.TASK_WORK, Resources.TASK, taskIds.get(0)),
                atomic(Permissions.UPDATE, Resources.TASK, taskIds.get(0)),
                atomic(ProcessDefinitionPermissions.TASK_WORK, Resources.PROCESS_DEFINITION, "d1"),
                atomic(ProcessDefinitionPermissions.UPDATE_TASK, Resources.PROCESS_DEFINITION, "d1")));
        checks.add(any(atomic(Permissions.READ, Resources.TASK, taskIds.get(1))));
        checks.add(any(atomic(Permissions.READ, Resources.TASK, taskIds.get(0)),
                atomic(ProcessDefinitionPermissions.READ_TASK, Resources.PROCESS_DEFINITION, "d1")));
        checks.add(any(atomic(Permissions.READ, Resources.TASK, "*")));
        checks.add(any(atomic(Permissions.READ, Resources.TASK, null)));
        checks.add(all(atomic(Permissions.READ, Resources.TASK, taskIds.get(0)),
                atomic(TaskPermissions.READ_VARIABLE, Resources.TASK, taskIds.get(0))));
        PermissionCheck notFoundGrants = atomic(Permissions.READ, Resources.PROCESS_DEFINITION, "d1");
        notFoundGrants.setAuthorizationNotFoundReturnValue(1L);
        checks.add(any(notFoundGrants, atomic(Permissions.READ, Resources.TASK, taskIds.get(1))));
        PermissionCheck notFoundDenies = atomic(Permissions.UPDATE, Resources.TASK, taskIds.get(1));
        notFoundDenies.setAuthorizationNotFoundReturnValue(0L);
        checks.add(any(notFoundDenies, atomic(Permissions.READ, Resources.TASK, taskIds.get(0))));
        checks.forEach(check -> assertThat(PermissionDecision.decides(check)).as(describe(check)).isTrue());
        return checks;
    }

    private static PermissionCheck atomic(Permission permission, Resource resource, String resourceId) {
        PermissionCheck check = new PermissionCheck();
        check.setPermission(permission);
        check.setResource(resource);
        check.setResourceId(resourceId);
        return check;
    }

    private static CompositePermissionCheck any(PermissionCheck... atomics) {
        return atomics(true, atomics);
    }

    private static CompositePermissionCheck all(PermissionCheck... atomics) {
        return atomics(false, atomics);
    }

    private static CompositePermissionCheck atomics(boolean disjunctive, PermissionCheck... atomics) {
        CompositePermissionCheck check = new CompositePermissionCheck(disjunctive);
        Arrays.stream(atomics).forEach(check::addAtomicCheck);
        return check;
    }

    private static String describe(CompositePermissionCheck check) {
        StringBuilder out = new StringBuilder(check.isDisjunctive() ? "any(" : "all(");
        check.getAtomicChecks().forEach(atomic -> out.append(atomic.getPermission().getName()).append(' ')
                .append(atomic.getResource().resourceName()).append(':').append(atomic.getResourceId())
                .append(atomic.getAuthorizationNotFoundReturnValue() == null ? ""
                        : " else " + atomic.getAuthorizationNotFoundReturnValue()).append(", "));
        return out.append(')').toString();
    }
}

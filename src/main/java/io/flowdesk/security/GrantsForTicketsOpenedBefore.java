package io.flowdesk.security;

import io.flowdesk.common.EngineMigration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A database from before Flowdesk's roles: its open tasks and its tickets get the grants they would have had, so
 * that agents find their work in Tasklist after the upgrade and each department keeps seeing the tickets it holds
 * or held. Tasks as {@link DepartmentAuthorizationProvider} grants them, tickets' processes and history as
 * {@link TicketGrants} does; a grant that exists is left alone. Runs once, on a new database too (where it finds
 * nothing).
 */
@Component
class GrantsForTicketsOpenedBefore implements EngineMigration {

    /** One grant: the user or group, and the resource. */
    private record Key(String userId, String groupId, int resourceType, String resourceId) {
    }

    @Override
    public String version() {
        return "3";
    }

    @Override
    public String description() {
        return "grants for tickets opened before roles";
    }

    @Override
    public void migrate(Connection connection) throws SQLException {
        Map<Key, Integer> grants = new LinkedHashMap<>();
        query(connection, "select L.TASK_ID_, L.GROUP_ID_ from ACT_RU_IDENTITYLINK L"
                + " join ACT_RU_TASK T on T.ID_ = L.TASK_ID_ where L.TYPE_ = 'candidate' and L.GROUP_ID_ is not null",
                row -> offeredTo(grants, row.getString(1), row.getString(2)));
        query(connection, "select ID_, ASSIGNEE_ from ACT_RU_TASK where ASSIGNEE_ is not null",
                row -> add(grants, new Key(row.getString(2), null, Resources.TASK.resourceType(), row.getString(1)),
                        DepartmentAuthorizationProvider.WORK));
        // the departments that held a ticket, and the one that holds it now (its group: not among its departments)
        query(connection, "select t.process_instance_id, d.department,"
                + " (select count(*) from ACT_RU_EXECUTION e where e.ID_ = t.process_instance_id)"
                + " from ticket t join ticket_department d on d.ticket_id = t.id where t.process_instance_id is not null"
                + " union select t.process_instance_id, t.assigned_group,"
                + " (select count(*) from ACT_RU_EXECUTION e where e.ID_ = t.process_instance_id)"
                + " from ticket t where t.process_instance_id is not null and t.assigned_group is not null",
                row -> {
                    if (Roles.isDepartment(row.getString(2))) { // its supervisors hold the department's grants
                        readsTicket(grants, null, row.getString(2), row.getString(1), row.getInt(3) > 0);
                    }
                });
        query(connection, "select t.process_instance_id, t.opened_by,"
                + " (select count(*) from ACT_RU_EXECUTION e where e.ID_ = t.process_instance_id)"
                + " from ticket t join ACT_ID_MEMBERSHIP m on m.USER_ID_ = t.opened_by and m.GROUP_ID_ = '"
                + Roles.INTEGRATIONS + "' where t.process_instance_id is not null",
                row -> readsTicket(grants, row.getString(2), null, row.getString(1), row.getInt(3) > 0));
        grants.keySet().removeAll(existing(connection));
        insert(connection, grants);
    }

    private static void offeredTo(Map<Key, Integer> grants, String taskId, String groupId) {
        DepartmentAuthorizationProvider.taskGrantees(groupId).forEach((group, permissions) ->
                add(grants, new Key(null, group, Resources.TASK.resourceType(), taskId), permissions));
    }

    private static void readsTicket(Map<Key, Integer> grants, String userId, String groupId, String processInstanceId,
                                    boolean running) {
        add(grants, new Key(userId, groupId, Resources.HISTORIC_PROCESS_INSTANCE.resourceType(), processInstanceId),
                Permissions.READ);
        if (running) {
            add(grants, new Key(userId, groupId, Resources.PROCESS_INSTANCE.resourceType(), processInstanceId),
                    Permissions.READ);
        }
    }

    private static void add(Map<Key, Integer> grants, Key key, Permission... permissions) {
        int bits = Arrays.stream(permissions).mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
        grants.merge(key, bits, (a, b) -> a | b);
    }

    private static Set<Key> existing(Connection connection) throws SQLException {
        Set<Key> existing = new HashSet<>();
        query(connection, "select USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ from ACT_RU_AUTHORIZATION"
                        + " where TYPE_ = " + Authorization.AUTH_TYPE_GRANT,
                row -> existing.add(new Key(row.getString(1), row.getString(2), row.getInt(3), row.getString(4))));
        return existing;
    }

    private static void insert(Connection connection, Map<Key, Integer> grants) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into ACT_RU_AUTHORIZATION"
                + " (ID_, REV_, TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_, ROOT_PROC_INST_ID_)"
                + " values (?, 1, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Key, Integer> grant : grants.entrySet()) {
                Key key = grant.getKey();
                insert.setString(1, UUID.randomUUID().toString());
                insert.setInt(2, Authorization.AUTH_TYPE_GRANT);
                insert.setString(3, key.groupId());
                insert.setString(4, key.userId());
                insert.setInt(5, key.resourceType());
                insert.setString(6, key.resourceId());
                insert.setInt(7, grant.getValue());
                insert.setString(8, key.resourceType() == Resources.HISTORIC_PROCESS_INSTANCE.resourceType()
                        ? key.resourceId() : null);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(Connection connection, String sql, Row row) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                row.read(rows);
            }
        }
    }
}

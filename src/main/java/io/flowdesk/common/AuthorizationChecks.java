package io.flowdesk.common;

import io.flowdesk.engine.EngineSessions;
import io.flowdesk.engine.EngineStatements;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The engine's authorization checks, with the same answers for less work: the user's groups that hold grants are
 * kept for a few seconds ({@link AuthorizedGroups}), and a command's permission check (may this user work this task,
 * read this process instance) reads the few grants that bear on it with one short statement and decides in Java by
 * Camunda's own rules ({@link PermissionDecision}), instead of Camunda's statement of up to 48 subqueries. Queries
 * (task lists, process instance lists) keep Camunda's per-row checks.
 * <p>
 * The grant rows of a task the command read with them ({@link TaskWithGrants}) are not read again for its checks,
 * and when that task ends in the command, the task that follows it takes its group's row over (an update instead of
 * an insert and a delete); the rest of its rows are deleted as Camunda deletes them.
 */
@Component
class AuthorizationChecks extends AbstractProcessEnginePlugin {

    static final String STATEMENT = "selectGrantRowsOfCheck";
    static final String BY_RESOURCE_STATEMENT = "selectGrantRowsOfResources";
    private static final String MAPPER = "io/flowdesk/common/grant-rows-of-check.xml";

    private static final int TASK = Resources.TASK.resourceType();

    /** The rows as stored: a query's read checks (many rows) are decided on them without a copy. */
    private static final UnaryOperator<GrantRow> AS_STORED = UnaryOperator.identity();

    private final AuthorizedGroups authorizedGroups = new AuthorizedGroups();
    private final TypeGrants typeGrants = new TypeGrants();
    private final InheritedGrants inherited;

    @Autowired
    AuthorizationChecks(ObjectProvider<InheritedGrants> inherited) {
        this(inherited.getIfAvailable(() -> InheritedGrants.NONE));
    }

    AuthorizationChecks(InheritedGrants inherited) {
        this.inherited = inherited;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, AuthorizationManager.class, Manager::new);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        EngineStatements.add(configuration.getSqlSessionFactory().getConfiguration(), MAPPER);
    }

    /**
     * Camunda's answer to the check, for the user and those of their groups that hold any grant, from the rows that
     * bear on it (in the command under way).
     */
    static boolean decide(String userId, List<String> authorizedGroups, boolean revokes,
                          CompositePermissionCheck check) {
        return decision(userId, authorizedGroups, revokes, List.of(check), true).isAuthorized(check);
    }

    /** The same, the rows of groups held through another ({@link InheritedGrants}) with what they give the user. */
    private boolean decide(String userId, List<String> ownGroups, List<String> authorizedGroups, boolean revokes,
                           CompositePermissionCheck check) {
        return decision(userId, authorizedGroups, revokes, List.of(check), true, null,
                row -> inheritedRow(row, ownGroups)).isAuthorized(check);
    }

    private GrantRow inheritedRow(GrantRow row, List<String> ownGroups) {
        if (row.groupId() == null || row.type() != PermissionDecision.GRANT) {
            return row;
        }
        int perms = inherited.permissions(row.resourceType(), row.groupId(), row.perms(),
                ownGroups == null ? List.of() : ownGroups);
        return perms == row.perms() ? row
                : new GrantRow(row.type(), row.userId(), row.groupId(), row.resourceType(), row.resourceId(), perms);
    }

    /**
     * A decision for each of the checks, on the rows that bear on any of them: those of the resources they name, or
     * with {@code byResource} false every row of the user, their groups and everyone on the checks' resource types
     * (for many checks: a statement that names each resource would be long). By resource, the rows of tasks and
     * process instances are read in the command under way and those on definitions and {@code *} are kept for a few
     * seconds ({@link TypeGrants}).
     */
    static PermissionDecision decision(String userId, List<String> authorizedGroups, boolean revokes,
                                       List<CompositePermissionCheck> checks, boolean byResource) {
        return decision(userId, authorizedGroups, revokes, checks, byResource, null, AS_STORED);
    }

    /**
     * A decision for each of the checks, the grant rows on the tasks they name given as read with the tasks (those
     * that bear on the user, by task id: a query's tasks with their rows), those on definitions and {@code *} kept.
     */
    static PermissionDecision decision(String userId, List<String> authorizedGroups, boolean revokes,
                                       List<CompositePermissionCheck> checks, Map<String, List<GrantRow>> taskRows) {
        return decision(userId, authorizedGroups, revokes, checks, true, taskRows::get, AS_STORED);
    }

    /**
     * {@code knownTaskRows}: the rows of a task read with it (null: those the command read, {@link TaskWithGrants});
     * {@code asHeld}: each row as it counts for the user.
     */
    private static PermissionDecision decision(String userId, List<String> authorizedGroups, boolean revokes,
                                               List<CompositePermissionCheck> checks, boolean byResource,
                                               Function<String, List<GrantRow>> knownTaskRows,
                                               UnaryOperator<GrantRow> asHeld) {
        boolean hasGroups = authorizedGroups != null && !authorizedGroups.isEmpty();
        Manager manager = Context.getCommandContext().getAuthorizationManager() instanceof Manager own ? own : null;
        List<GrantRow> rows = byResource && manager != null
                ? rowsOfResources(manager, userId, authorizedGroups, checks,
                        knownTaskRows != null ? knownTaskRows : manager::knownTaskRows)
                : rowsOfCheck(userId, authorizedGroups, checks, byResource);
        return new PermissionDecision(userId, hasGroups, revokes,
                asHeld == AS_STORED ? rows : rows.stream().map(asHeld).toList());
    }

    /** The rows of the user, their groups and everyone on the checks' resource types (and ids, if by resource). */
    private static List<GrantRow> rowsOfCheck(String userId, List<String> authorizedGroups,
                                              List<CompositePermissionCheck> checks, boolean byResource) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("userId", userId);
        parameters.put("groupIds", authorizedGroups);
        parameters.put("resourceTypes", PermissionDecision.resourceTypes(checks));
        parameters.put("resourceIds", byResource ? PermissionDecision.resourceIds(checks) : null);
        return select(STATEMENT, parameters);
    }

    /**
     * The rows of the user, their groups and everyone on the resources the checks name and on {@code *}: those of
     * tasks and process instances read with one probe per id (but those of a task read with its rows: by the command,
     * {@link TaskWithGrants}, or by a query, given as {@code knownTaskRows}), the others kept.
     */
    private static List<GrantRow> rowsOfResources(Manager manager, String userId, List<String> authorizedGroups,
                                                  List<CompositePermissionCheck> checks,
                                                  Function<String, List<GrantRow>> knownTaskRows) {
        TypeGrants kept = manager.typeGrants();
        Set<TypeGrants.Resource> keptResources = new LinkedHashSet<>();
        Map<String, List<GrantRow>> knownTasks = new LinkedHashMap<>();
        Set<Integer> readTypes = new LinkedHashSet<>();
        Set<String> readIds = new LinkedHashSet<>();
        for (CompositePermissionCheck check : checks) {
            for (PermissionCheck atomic : check.getAllPermissionChecks()) {
                int type = atomic.getResourceType();
                String id = atomic.getResourceId();
                keptResources.add(new TypeGrants.Resource(type, PermissionDecision.ALL));
                if (id == null || PermissionDecision.ALL.equals(id)) {
                    continue;
                }
                if (TypeGrants.isKept(type, id)) {
                    keptResources.add(new TypeGrants.Resource(type, id));
                } else if (type != TASK || knownTasks.computeIfAbsent(id, knownTaskRows) == null) {
                    readTypes.add(type);
                    readIds.add(id);
                }
            }
        }
        List<GrantRow> rows = new ArrayList<>();
        for (TypeGrants.Resource resource : keptResources) {
            rows.addAll(kept.of(resource, () -> select(BY_RESOURCE_STATEMENT,
                    Map.of("resourceTypes", List.of(resource.type()), "resourceIds", List.of(resource.id())))));
        }
        knownTasks.values().forEach(rows::addAll);
        if (!readIds.isEmpty()) {
            rows.addAll(select(BY_RESOURCE_STATEMENT, Map.of("resourceTypes", readTypes, "resourceIds", readIds)));
        }
        Set<String> groups = authorizedGroups == null ? Set.of() : Set.copyOf(authorizedGroups);
        return rows.stream().filter(row -> bearsOn(row, userId, groups)).toList();
    }

    /** What the statement of {@link #rowsOfCheck} selects: a grant or revoke of the user or a group, or a global row. */
    private static boolean bearsOn(GrantRow row, String userId, Set<String> groups) {
        if (row.type() == PermissionDecision.GLOBAL) {
            return PermissionDecision.ALL.equals(row.userId());
        }
        return userId != null && userId.equals(row.userId()) || row.groupId() != null && groups.contains(row.groupId());
    }

    @SuppressWarnings("unchecked")
    private static List<GrantRow> select(String statement, Map<String, ?> parameters) {
        return (List<GrantRow>) Context.getCommandContext().getDbSqlSession().selectList(statement, parameters);
    }

    /**
     * Every grant row on the task, as the command read them with it ({@link TaskWithGrants}): its checks on the task
     * decide on them, and if the task ends in the command, they go to the tasks that follow it.
     */
    static void knowTaskGrants(String taskId, List<AuthorizationEntity> rows) {
        if (Context.getCommandContext().getAuthorizationManager() instanceof Manager manager) {
            manager.knownTaskGrants.put(taskId, rows);
        }
    }

    /** Forgets the grants kept on definitions and on {@code *} (for tests that write grants past the engine). */
    void forgetKeptGrants() {
        typeGrants.forget();
    }

    /** One per command, as every engine session. */
    private final class Manager extends AuthorizationManager {

        /** True once this command has changed kept grants (their forgetting at its transaction's end is set). */
        private boolean forgetsKeptGrants;

        /** Every grant row on the tasks the command read with them, while it has not changed them. */
        private final Map<String, List<AuthorizationEntity>> knownTaskGrants = new HashMap<>();

        /** The rows of tasks ended in this command that no task following them has taken over yet. */
        private Map<String, List<AuthorizationEntity>> endedTaskGrants;

        /** The user's groups that hold grants, those held through another group included ({@link InheritedGrants}). */
        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return super.filterAuthenticatedGroupIds(authenticatedGroupIds == null ? null
                    : inherited.groupsHeld(authenticatedGroupIds));
        }

        @Override
        protected Set<String> getAllGroups() {
            if (availableAuthorizedGroupIds == null) {
                availableAuthorizedGroupIds = authorizedGroups.get(this::readAuthorizedGroups);
            }
            return availableAuthorizedGroupIds;
        }

        TypeGrants typeGrants() {
            return typeGrants;
        }

        /** Every grant row on the task, if the command read them with it ({@link TaskWithGrants}), else null. */
        List<GrantRow> knownTaskRows(String taskId) {
            List<AuthorizationEntity> known = knownTaskGrants.get(taskId);
            return known == null ? null : known.stream().map(row -> new GrantRow(row.getAuthorizationType(),
                    row.getUserId(), row.getGroupId(), row.getResourceType(), row.getResourceId(),
                    row.getPermissions())).toList();
        }

        @Override
        public void insert(DbEntity authorization) {
            AuthorizationEntity grant = (AuthorizationEntity) authorization;
            if (takenOver(grant)) {
                return;
            }
            super.insert(authorization);
            if (authorizedGroups.isNew(grant.getGroupId())) {
                Context.getCommandContext().getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, committed -> authorizedGroups.forget());
            }
            changed(grant.getResourceType(), grant.getResourceId());
        }

        @Override
        public void update(AuthorizationEntity authorization) {
            super.update(authorization);
            changed(authorization.getResourceType(), authorization.getResourceId());
        }

        @Override
        public void delete(DbEntity authorization) {
            super.delete(authorization);
            AuthorizationEntity grant = (AuthorizationEntity) authorization;
            changed(grant.getResourceType(), grant.getResourceId());
        }

        @Override
        public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
            List<AuthorizationEntity> known = resource.resourceType() == TASK
                    ? knownTaskGrants.remove(resourceId) : null;
            if (known != null) {
                ended(resourceId, known);
                return;
            }
            super.deleteAuthorizationsByResourceId(resource, resourceId);
            changed(resource.resourceType(), resourceId);
        }

        /**
         * A task ends whose grant rows the command read: a task that follows it in the command and is offered to a
         * group the ended one was offered to takes that group's row over (one update instead of an insert and a
         * delete: {@link #takenOver}); whatever rows are left are deleted as Camunda deletes them, before the
         * command's flush.
         */
        private void ended(String taskId, List<AuthorizationEntity> rows) {
            if (endedTaskGrants == null) {
                endedTaskGrants = new LinkedHashMap<>();
                Context.getCommandContext().registerCommandContextListener(new CommandContextListener() {
                    @Override
                    public void onCommandContextClose(CommandContext commandContext) {
                        deleteLeftOfEndedTasks();
                    }

                    @Override
                    public void onCommandFailed(CommandContext commandContext, Throwable t) {
                        // rolled back: nothing of it is stored
                    }
                });
            }
            endedTaskGrants.put(taskId, rows);
        }

        private void deleteLeftOfEndedTasks() {
            endedTaskGrants.forEach((taskId, left) -> {
                if (!left.isEmpty()) {
                    super.deleteAuthorizationsByResourceId(Resources.TASK, taskId);
                }
            });
            endedTaskGrants.clear();
        }

        /**
         * A group's grant on a new task made from the row of the same group on a task that ended in this command: the
         * row now names the new task, with the new grant's permissions (an update by id and revision, so a row changed
         * meanwhile fails the command as any concurrent change does). A row of no history resource, granted, only.
         */
        private boolean takenOver(AuthorizationEntity grant) {
            if (endedTaskGrants == null || endedTaskGrants.isEmpty() || grant.getResourceType() != TASK
                    || !isPlainGroupGrant(grant)) {
                return false;
            }
            for (List<AuthorizationEntity> rows : endedTaskGrants.values()) {
                for (Iterator<AuthorizationEntity> it = rows.iterator(); it.hasNext(); ) {
                    AuthorizationEntity row = it.next();
                    if (isPlainGroupGrant(row) && row.getGroupId().equals(grant.getGroupId())
                            && getDbEntityManager().getDbEntityCache().get(AuthorizationEntity.class, row.getId())
                            == null) {
                        getDbEntityManager().onEntityLoaded(row);
                        row.setResourceId(grant.getResourceId());
                        row.setPermissions(grant.getPermissions());
                        it.remove();
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean isPlainGroupGrant(AuthorizationEntity grant) {
            return grant.getAuthorizationType() == PermissionDecision.GRANT && grant.getGroupId() != null
                    && grant.getUserId() == null && grant.getRemovalTime() == null
                    && grant.getRootProcessInstanceId() == null;
        }

        @Override
        public void deleteAuthorizationsByResourceIdAndUserId(Resource resource, String resourceId, String userId) {
            super.deleteAuthorizationsByResourceIdAndUserId(resource, resourceId, userId);
            changed(resource.resourceType(), resourceId);
        }

        @Override
        public void deleteAuthorizationsByResourceIdAndGroupId(Resource resource, String resourceId,
                                                               String groupId) {
            super.deleteAuthorizationsByResourceIdAndGroupId(resource, resourceId, groupId);
            changed(resource.resourceType(), resourceId);
        }

        @Override
        public void deleteAuthorizationsByResourceIds(Resources resource, List<String> resourceIds) {
            super.deleteAuthorizationsByResourceIds(resource, resourceIds);
            resourceIds.forEach(id -> changed(resource.resourceType(), id));
        }

        /**
         * A change to grants that are kept: forgotten now (the rest of this transaction reads them again) and when
         * the transaction ends (whatever another transaction kept meanwhile, from before the change).
         */
        private void changed(int resourceType, String resourceId) {
            if (resourceType == TASK) {
                knownTaskGrants.remove(resourceId);
            }
            if (!TypeGrants.isKept(resourceType, resourceId)) {
                return;
            }
            typeGrants.forget();
            if (!forgetsKeptGrants) {
                forgetsKeptGrants = true;
                Context.getCommandContext().getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, committed -> typeGrants.forget());
                Context.getCommandContext().getTransactionContext()
                        .addTransactionListener(TransactionState.ROLLED_BACK, rolledBack -> typeGrants.forget());
            }
        }

        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck permissionCheck) {
            if (!isAuthorizationEnabled()) {
                return true;
            }
            CompositePermissionCheck check = createCompositePermissionCheck(permissionCheck);
            return decidedHere(check) ? decide(userId, groupIds, check)
                    : super.isAuthorized(userId, groupIds, permissionCheck);
        }

        @Override
        public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
            return decidedHere(check) ? decide(userId, groupIds, check)
                    : super.isAuthorized(userId, groupIds, check);
        }

        /** A check of a shape Camunda's statement is written for, for permissions valid on their resources. */
        private boolean decidedHere(CompositePermissionCheck check) {
            return PermissionDecision.decides(check)
                    && check.getAllPermissionChecks().stream().allMatch(this::isResourceValidForPermission);
        }

        private boolean decide(String userId, List<String> groupIds, CompositePermissionCheck check) {
            return AuthorizationChecks.this.decide(userId, groupIds, filterAuthenticatedGroupIds(groupIds),
                    isRevokeAuthCheckEnabled(userId, groupIds), check);
        }

        private Set<String> readAuthorizedGroups() {
            List<String> ids = getDbEntityManager().selectList("selectAuthorizedGroupIds");
            Set<String> set = new HashSet<>();
            ids.stream().filter(Objects::nonNull).forEach(set::add);
            return Set.copyOf(set);
        }
    }
}

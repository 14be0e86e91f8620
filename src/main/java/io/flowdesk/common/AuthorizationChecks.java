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
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The engine's authorization checks, with the same answers for less work: the user's groups that hold grants are
 * kept for a few seconds ({@link AuthorizedGroups}), and a command's permission check (may this user work this task,
 * read this process instance) reads the few grants that bear on it with one short statement and decides in Java by
 * Camunda's own rules ({@link PermissionDecision}), instead of Camunda's statement of up to 48 subqueries. Queries
 * (task lists, process instance lists) keep Camunda's per-row checks.
 */
@Component
class AuthorizationChecks extends AbstractProcessEnginePlugin {

    static final String STATEMENT = "selectGrantRowsOfCheck";
    static final String BY_RESOURCE_STATEMENT = "selectGrantRowsOfResources";
    private static final String MAPPER = "io/flowdesk/common/grant-rows-of-check.xml";

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
        return decision(userId, authorizedGroups, revokes, List.of(check), true,
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
        return decision(userId, authorizedGroups, revokes, checks, byResource, AS_STORED);
    }

    private static PermissionDecision decision(String userId, List<String> authorizedGroups, boolean revokes,
                                               List<CompositePermissionCheck> checks, boolean byResource,
                                               UnaryOperator<GrantRow> asHeld) {
        boolean hasGroups = authorizedGroups != null && !authorizedGroups.isEmpty();
        TypeGrants kept = Context.getCommandContext().getAuthorizationManager() instanceof Manager manager
                ? manager.typeGrants() : null;
        List<GrantRow> rows = byResource && kept != null
                ? rowsOfResources(kept, userId, authorizedGroups, checks)
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
     * tasks and process instances read with one probe per id, the others kept.
     */
    private static List<GrantRow> rowsOfResources(TypeGrants kept, String userId, List<String> authorizedGroups,
                                                  List<CompositePermissionCheck> checks) {
        Set<TypeGrants.Resource> keptResources = new LinkedHashSet<>();
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
                } else {
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

    /** Forgets the grants kept on definitions and on {@code *} (for tests that write grants past the engine). */
    void forgetKeptGrants() {
        typeGrants.forget();
    }

    /** One per command, as every engine session. */
    private final class Manager extends AuthorizationManager {

        /** True once this command has changed kept grants (their forgetting at its transaction's end is set). */
        private boolean forgetsKeptGrants;

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

        @Override
        public void insert(DbEntity authorization) {
            super.insert(authorization);
            AuthorizationEntity grant = (AuthorizationEntity) authorization;
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
            super.deleteAuthorizationsByResourceId(resource, resourceId);
            changed(resource.resourceType(), resourceId);
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

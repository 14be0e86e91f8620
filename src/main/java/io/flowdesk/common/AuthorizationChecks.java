package io.flowdesk.common;

import io.flowdesk.engine.EngineSessions;
import io.flowdesk.engine.EngineStatements;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
    private static final String MAPPER = "io/flowdesk/common/grant-rows-of-check.xml";

    private final AuthorizedGroups authorizedGroups = new AuthorizedGroups();

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

    /**
     * A decision for each of the checks, on the rows that bear on any of them (read once): those of the resources
     * they name, or with {@code byResource} false every row of the user, their groups and everyone on the checks'
     * resource types (for many checks: a statement that names each resource would be long).
     */
    static PermissionDecision decision(String userId, List<String> authorizedGroups, boolean revokes,
                                       List<CompositePermissionCheck> checks, boolean byResource) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("userId", userId);
        parameters.put("groupIds", authorizedGroups);
        parameters.put("resourceTypes", PermissionDecision.resourceTypes(checks));
        parameters.put("resourceIds", byResource ? PermissionDecision.resourceIds(checks) : null);
        @SuppressWarnings("unchecked")
        List<GrantRow> rows = (List<GrantRow>) Context.getCommandContext().getDbSqlSession()
                .selectList(STATEMENT, parameters);
        boolean hasGroups = authorizedGroups != null && !authorizedGroups.isEmpty();
        return new PermissionDecision(userId, hasGroups, revokes, rows);
    }

    /** One per command, as every engine session. */
    private final class Manager extends AuthorizationManager {

        @Override
        protected Set<String> getAllGroups() {
            if (availableAuthorizedGroupIds == null) {
                availableAuthorizedGroupIds = authorizedGroups.get(this::readAuthorizedGroups);
            }
            return availableAuthorizedGroupIds;
        }

        @Override
        public void insert(DbEntity authorization) {
            super.insert(authorization);
            if (authorizedGroups.isNew(((AuthorizationEntity) authorization).getGroupId())) {
                Context.getCommandContext().getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, committed -> authorizedGroups.forget());
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
            return AuthorizationChecks.decide(userId, filterAuthenticatedGroupIds(groupIds),
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

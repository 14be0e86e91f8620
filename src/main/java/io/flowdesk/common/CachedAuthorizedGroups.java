package io.flowdesk.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flowdesk.engine.EngineSessions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The groups that hold any grant, read once every few seconds instead of in every command that checks a user.
 * <p>
 * Before each authorization check Camunda narrows the user's groups to those that appear in its authorization table
 * ({@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}), once per command: with authorization checks on, one
 * more statement in every engine REST and Tasklist call, two per task completion (the lookup and the submit). The
 * set changes only when a group gets its first grant (a new group, a new department): a grant this node makes to
 * a group not in the set forgets it when the grant commits. Kept for {@value #SECONDS} seconds otherwise, for grants
 * made through another node: a group left out meanwhile is left out of its members' checks, which can only refuse
 * them something, never grant it.
 */
@Component
class CachedAuthorizedGroups extends AbstractProcessEnginePlugin {

    static final int SECONDS = 10;
    private static final String KEY = "authorized groups";

    private final Cache<String, Set<String>> groups = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(SECONDS)).maximumSize(1).build();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, AuthorizationManager.class, Manager::new);
    }

    /** One per command, as every engine session. */
    private final class Manager extends AuthorizationManager {

        @Override
        protected Set<String> getAllGroups() {
            if (availableAuthorizedGroupIds == null) {
                availableAuthorizedGroupIds = groups.get(KEY, key -> read());
            }
            return availableAuthorizedGroupIds;
        }

        @Override
        public void insert(DbEntity authorization) {
            super.insert(authorization);
            String groupId = ((AuthorizationEntity) authorization).getGroupId();
            Set<String> known = groups.getIfPresent(KEY);
            if (groupId != null && known != null && !known.contains(groupId)) {
                Context.getCommandContext().getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, committed -> groups.invalidateAll());
            }
        }

        private Set<String> read() {
            List<String> ids = getDbEntityManager().selectList("selectAuthorizedGroupIds");
            Set<String> set = new HashSet<>();
            ids.stream().filter(Objects::nonNull).forEach(set::add);
            return Set.copyOf(set);
        }
    }
}

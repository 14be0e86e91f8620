package io.flowdesk.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's job definitions without a database read for every job it creates.
 * <p>
 * Each timer the engine starts (five SLA timers per new ticket) reads its job definition by id, in a command of
 * its own, to copy the definition's suspension state into the job: five selects per ticket, 8 % of a create's
 * server CPU in a profile, for rows that change only when someone suspends, activates or re-prioritises a job
 * definition. This plugin gives the engine a job definition manager that keeps the definitions of deployed
 * processes it has read, and hands each command its own copy, registered in the command's entity cache as if
 * just loaded, so that a command that changes it still writes the change.
 * <p>
 * Forgotten, when the change commits, whenever a command on this node suspends or activates job definitions,
 * deletes a process definition's, or changes one it was handed (its priority); and after a minute at the latest,
 * so that a change made through another node is seen too. A read that raced with such a change is not kept.
 * Batch job definitions are not kept (they come and go with their batch).
 */
@Component
public class CachedJobDefinitions extends AbstractProcessEnginePlugin {

    static final Duration AT_MOST = Duration.ofSeconds(60);

    private final Cache<String, Row> rows = Caffeine.newBuilder().expireAfterWrite(AT_MOST).maximumSize(10_000)
            .build();
    /** Advanced by every forgetting: a read that began before it is not kept. */
    private final AtomicLong changes = new AtomicLong();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return JobDefinitionManager.class;
            }

            @Override
            public Session openSession() {
                return new Manager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** How many job definitions are kept now. */
    long kept() {
        rows.cleanUp();
        return rows.estimatedSize();
    }

    private void forgetAll() {
        changes.incrementAndGet();
        rows.invalidateAll();
    }

    private void keep(Row row, long changesBeforeRead) {
        rows.put(row.id(), row);
        if (changes.get() != changesBeforeRead) {
            rows.invalidate(row.id()); // a change committed while we read: what we read may be old
        }
    }

    /** One per command, as every engine session. */
    private final class Manager extends JobDefinitionManager implements CommandContextListener {

        /** What this command was handed: changed or deleted by the command means forget at commit. */
        private final List<JobDefinitionEntity> handedOut = new ArrayList<>();

        @Override
        public JobDefinitionEntity findById(String id) {
            DbEntityManager entities = getDbEntityManager();
            JobDefinitionEntity entity = entities.getCachedEntity(JobDefinitionEntity.class, id);
            if (entity != null) {
                return entity;
            }
            Row row = rows.getIfPresent(id);
            if (row != null) {
                entity = row.toEntity();
                entities.getDbEntityCache().putPersistent(entity);
            } else {
                long changesBeforeRead = changes.get();
                entity = super.findById(id);
                if (entity == null) {
                    return null;
                }
                if (entity.getProcessDefinitionId() != null) {
                    keep(Row.of(entity), changesBeforeRead);
                }
            }
            watch(entity);
            return entity;
        }

        @Override
        public void deleteJobDefinitionsByProcessDefinitionId(String id) {
            super.deleteJobDefinitionsByProcessDefinitionId(id);
            forgetOnCommit();
        }

        @Override
        public void updateJobDefinitionSuspensionStateById(String jobDefinitionId, SuspensionState state) {
            super.updateJobDefinitionSuspensionStateById(jobDefinitionId, state);
            forgetOnCommit();
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionId(String processDefinitionId,
                                                                           SuspensionState state) {
            super.updateJobDefinitionSuspensionStateByProcessDefinitionId(processDefinitionId, state);
            forgetOnCommit();
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionKey(String processDefinitionKey,
                                                                            SuspensionState state) {
            super.updateJobDefinitionSuspensionStateByProcessDefinitionKey(processDefinitionKey, state);
            forgetOnCommit();
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(
                String processDefinitionKey, String tenantId, SuspensionState state) {
            super.updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(processDefinitionKey, tenantId,
                    state);
            forgetOnCommit();
        }

        private void watch(JobDefinitionEntity entity) {
            if (handedOut.isEmpty()) {
                Context.getCommandContext().registerCommandContextListener(this);
            }
            handedOut.add(entity);
        }

        /**
         * Before the command's flush: did it change (its priority, say) or delete a definition it was handed? The
         * engine's own dirty check answers, the one its flush uses.
         */
        @Override
        public void onCommandContextClose(CommandContext commandContext) {
            DbEntityCache entities = commandContext.getDbEntityManager().getDbEntityCache();
            boolean changed = handedOut.stream().map(entities::getCachedEntity).anyMatch(cached -> cached == null
                    || cached.getEntityState() != DbEntityState.PERSISTENT || cached.isDirty());
            if (changed) {
                forgetOnCommit();
            }
        }

        @Override
        public void onCommandFailed(CommandContext commandContext, Throwable failure) {
            // nothing was written
        }

        private void forgetOnCommit() {
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, committed -> forgetAll());
        }
    }

    /** A job definition's columns, kept immutable between commands. */
    record Row(String id, int revision, String processDefinitionId, String processDefinitionKey, String activityId,
               String jobType, String jobConfiguration, int suspensionState, Long jobPriority, String tenantId,
               String deploymentId) {

        static Row of(JobDefinitionEntity entity) {
            return new Row(entity.getId(), entity.getRevision(), entity.getProcessDefinitionId(),
                    entity.getProcessDefinitionKey(), entity.getActivityId(), entity.getJobType(),
                    entity.getJobConfiguration(), entity.getSuspensionState(), entity.getOverridingJobPriority(),
                    entity.getTenantId(), entity.getDeploymentId());
        }

        JobDefinitionEntity toEntity() {
            JobDefinitionEntity entity = new JobDefinitionEntity();
            entity.setId(id);
            entity.setRevision(revision);
            entity.setProcessDefinitionId(processDefinitionId);
            entity.setProcessDefinitionKey(processDefinitionKey);
            entity.setActivityId(activityId);
            entity.setJobType(jobType);
            entity.setJobConfiguration(jobConfiguration);
            entity.setSuspensionState(suspensionState);
            entity.setJobPriority(jobPriority);
            entity.setTenantId(tenantId);
            entity.setDeploymentId(deploymentId);
            return entity;
        }
    }
}

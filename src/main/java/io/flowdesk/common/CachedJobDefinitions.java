package io.flowdesk.common;

import io.flowdesk.engine.EngineSessions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.springframework.stereotype.Component;

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

    private final KeptRows<JobDefinitionEntity, Row> rows =
            new KeptRows<>(JobDefinitionEntity.class, Row::of, Row::toEntity);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, JobDefinitionManager.class, Manager::new);
    }

    /** How many job definitions are kept now. */
    long kept() {
        return rows.kept();
    }

    /** One per command, as every engine session. */
    private final class Manager extends JobDefinitionManager {

        private final KeptRows<JobDefinitionEntity, Row>.Reader reader = rows.reader();

        @Override
        public JobDefinitionEntity findById(String id) {
            return reader.find(getDbEntityManager(), id, super::findById,
                    definition -> definition.getProcessDefinitionId() != null);
        }

        @Override
        public void deleteJobDefinitionsByProcessDefinitionId(String id) {
            super.deleteJobDefinitionsByProcessDefinitionId(id);
            reader.forgetOnCommit();
        }

        @Override
        public void updateJobDefinitionSuspensionStateById(String jobDefinitionId, SuspensionState state) {
            super.updateJobDefinitionSuspensionStateById(jobDefinitionId, state);
            reader.forgetOnCommit();
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionId(String processDefinitionId,
                                                                           SuspensionState state) {
            super.updateJobDefinitionSuspensionStateByProcessDefinitionId(processDefinitionId, state);
            reader.forgetOnCommit();
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionKey(String processDefinitionKey,
                                                                            SuspensionState state) {
            super.updateJobDefinitionSuspensionStateByProcessDefinitionKey(processDefinitionKey, state);
            reader.forgetOnCommit();
        }

        @Override
        public void updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(
                String processDefinitionKey, String tenantId, SuspensionState state) {
            super.updateJobDefinitionSuspensionStateByProcessDefinitionKeyAndTenantId(processDefinitionKey, tenantId,
                    state);
            reader.forgetOnCommit();
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

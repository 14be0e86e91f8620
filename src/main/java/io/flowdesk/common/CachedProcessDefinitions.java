package io.flowdesk.common;

import io.flowdesk.engine.EngineSessions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The engine's process definition rows without a database read in every command.
 * <p>
 * The engine keeps parsed process definitions in its deployment cache, but every command that resolves one by id
 * (starting a ticket, completing a task, listing tasks with their form keys) first reads the definition's row, to
 * pick up its suspension state and history time to live: one select per command, 2-3 % of a create's or a
 * completion's server CPU and 7 % of a task lookup's in a profile, for a row that changes only when someone
 * suspends, activates or deletes the definition or sets its history time to live. This plugin gives the engine a
 * process definition manager that keeps the rows it has read (see {@link KeptRows}: forgotten at commit when a
 * command on this node changes one, after a minute at the latest for changes made through another node).
 */
@Component
public class CachedProcessDefinitions extends AbstractProcessEnginePlugin {

    private final KeptRows<ProcessDefinitionEntity, Row> rows =
            new KeptRows<>(ProcessDefinitionEntity.class, Row::of, Row::toEntity);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, ProcessDefinitionManager.class, Manager::new);
    }

    /** How many process definitions are kept now. */
    long kept() {
        return rows.kept();
    }

    /** One per command, as every engine session. */
    private final class Manager extends ProcessDefinitionManager {

        private final KeptRows<ProcessDefinitionEntity, Row>.Reader reader = rows.reader();

        @Override
        public ProcessDefinitionEntity findLatestProcessDefinitionById(String id) {
            return reader.find(getDbEntityManager(), id, super::findLatestProcessDefinitionById, definition -> true);
        }

        @Override
        public void updateProcessDefinitionSuspensionStateById(String id, SuspensionState state) {
            super.updateProcessDefinitionSuspensionStateById(id, state);
            reader.forgetOnCommit();
        }

        @Override
        public void updateProcessDefinitionSuspensionStateByKey(String key, SuspensionState state) {
            super.updateProcessDefinitionSuspensionStateByKey(key, state);
            reader.forgetOnCommit();
        }

        @Override
        public void updateProcessDefinitionSuspensionStateByKeyAndTenantId(String key, String tenantId,
                                                                          SuspensionState state) {
            super.updateProcessDefinitionSuspensionStateByKeyAndTenantId(key, tenantId, state);
            reader.forgetOnCommit();
        }

        @Override
        public void deleteProcessDefinition(ProcessDefinition definition, String id, boolean cascade,
                                            boolean cascadeToHistory, boolean skipCustomListeners,
                                            boolean skipIoMappings) {
            super.deleteProcessDefinition(definition, id, cascade, cascadeToHistory, skipCustomListeners,
                    skipIoMappings);
            reader.forgetOnCommit();
        }
    }

    /** A process definition's columns, kept immutable between commands. */
    record Row(String id, int revision, String category, String name, String key, int version, String deploymentId,
               String resourceName, String diagramResourceName, boolean hasStartFormKey, int suspensionState,
               String tenantId, String versionTag, Integer historyTimeToLive, boolean startableInTasklist) {

        static Row of(ProcessDefinitionEntity entity) {
            return new Row(entity.getId(), entity.getRevision(), entity.getCategory(), entity.getName(),
                    entity.getKey(), entity.getVersion(), entity.getDeploymentId(), entity.getResourceName(),
                    entity.getDiagramResourceName(), entity.getHasStartFormKey(), entity.getSuspensionState(),
                    entity.getTenantId(), entity.getVersionTag(), entity.getHistoryTimeToLive(),
                    entity.isStartableInTasklist());
        }

        ProcessDefinitionEntity toEntity() {
            ProcessDefinitionEntity entity = new ProcessDefinitionEntity();
            entity.setId(id);
            entity.setRevision(revision);
            entity.setCategory(category);
            entity.setName(name);
            entity.setKey(key);
            entity.setVersion(version);
            entity.setDeploymentId(deploymentId);
            entity.setResourceName(resourceName);
            entity.setDiagramResourceName(diagramResourceName);
            entity.setHasStartFormKey(hasStartFormKey);
            entity.setSuspensionState(suspensionState);
            entity.setTenantId(tenantId);
            entity.setVersionTag(versionTag);
            entity.setHistoryTimeToLive(historyTimeToLive);
            entity.setStartableInTasklist(startableInTasklist);
            return entity;
        }
    }
}

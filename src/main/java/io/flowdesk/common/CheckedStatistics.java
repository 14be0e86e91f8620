package io.flowdesk.common;

import io.flowdesk.engine.EngineSessions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.IncidentQueryImpl;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionStatisticsEntity;
import org.camunda.bpm.engine.impl.persistence.entity.StatisticsManager;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The statistics of process definitions (engine REST {@code GET /process-definition/statistics}, Cockpit's
 * dashboard) count only the process instances, failed jobs and incidents the user may read.
 * <p>
 * Camunda's statistics check that the user may read the definition, then count every running instance of it, every
 * failed job and every incident: an agent of one department learnt how many tickets of each type all departments
 * have open, and a supervisor saw the count of tickets their department may not see. For a user who may not read
 * every instance of a definition (no {@code READ_INSTANCE} on it, no {@code READ} on all process instances), each
 * count is made again by the engine's own checked queries (process instances, jobs without retries, incidents), with
 * the per-instance grants ({@code TicketGrants}). Managers and administrators keep Camunda's single statement.
 */
@Component
class CheckedStatistics extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, StatisticsManager.class, Manager::new);
    }

    /** One per command, as every engine session. */
    private static final class Manager extends StatisticsManager {

        @Override
        public List<ProcessDefinitionStatistics> getStatisticsGroupedByProcessDefinitionVersion(
                ProcessDefinitionStatisticsQueryImpl query, Page page) {
            List<ProcessDefinitionStatistics> statistics = super.getStatisticsGroupedByProcessDefinitionVersion(query,
                    page);
            CommandContext context = Context.getCommandContext();
            if (!isAuthorizationEnabled() || context.getAuthenticatedUserId() == null
                    || !context.isAuthorizationCheckEnabled() || getAuthorizationManager().isAuthorized(
                    Permissions.READ, Resources.PROCESS_INSTANCE, PermissionDecision.ALL)) {
                return statistics;
            }
            Recount recount = new Recount(query.isFailedJobsToInclude(), query.isIncidentsToInclude(),
                    (String) field(query, "includeIncidentsForType"),
                    Boolean.TRUE.equals(field(query, "includeRootIncidents")));
            for (ProcessDefinitionStatistics definition : statistics) {
                if (!getAuthorizationManager().isAuthorized(
                        ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, definition.getKey())) {
                    recount.of((ProcessDefinitionStatisticsEntity) definition, context);
                }
            }
            return statistics;
        }

        /** A condition of the statistics query that Camunda keeps without a getter (its SQL mapping reads it). */
        private static Object field(ProcessDefinitionStatisticsQueryImpl query, String name) {
            try {
                Field field = ProcessDefinitionStatisticsQueryImpl.class.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(query);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Camunda's statistics query has no " + name, e);
            }
        }
    }

    /** What the statistics query asked for, counted again with the engine's checked queries. */
    private record Recount(boolean failedJobs, boolean incidents, String onlyIncidentType, boolean rootIncidentsOnly) {

        void of(ProcessDefinitionStatisticsEntity definition, CommandContext context) {
            String id = definition.getId();
            definition.setInstances((int) new ProcessInstanceQueryImpl().processDefinitionId(id)
                    .executeCount(context));
            if (failedJobs) {
                definition.setFailedJobs((int) ((JobQueryImpl) new JobQueryImpl().processDefinitionId(id)
                        .noRetriesLeft()).executeCount(context));
            }
            if (incidents) {
                definition.setIncidentStatistics(incidentsOf(id, context));
            }
        }

        /** The incidents of the definition the user may read, by type, as Camunda's statement groups them. */
        private List<IncidentStatistics> incidentsOf(String definitionId, CommandContext context) {
            IncidentQueryImpl query = new IncidentQueryImpl();
            query.processDefinitionId(definitionId);
            if (onlyIncidentType != null) {
                query.incidentType(onlyIncidentType);
            }
            Map<String, Long> byType = query.executeList(context, null).stream()
                    .filter(incident -> !rootIncidentsOnly || incident.getId().equals(incident.getRootCauseIncidentId()))
                    .collect(Collectors.groupingBy(Incident::getIncidentType, TreeMap::new, Collectors.counting()));
            return byType.entrySet().stream()
                    .<IncidentStatistics>map(entry -> new Counted(entry.getKey(), entry.getValue().intValue()))
                    .toList();
        }
    }

    /** Incidents of one type, counted. */
    private record Counted(String incidentType, int incidentCount) implements IncidentStatistics {

        @Override
        public String getIncidentType() {
            return incidentType;
        }

        @Override
        public int getIncidentCount() {
            return incidentCount;
        }
    }
}

package io.flowdesk.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.cockpit.impl.plugin.base.dto.ProcessDefinitionStatisticsDto;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cockpit's list of processes counts, for each ticket type, the running tickets and their incidents that the user
 * may read, not every department's.
 * <p>
 * Cockpit's own query behind the list (its plugin's {@code process-definition/statistics}) checks that the user may
 * read the definition and counts every running instance and incident of all its versions: a supervisor of tech saw
 * how many tickets finance and support have open. Here, on the way out of that resource, each row takes its counts
 * from the engine's statistics of the same definitions, whose counts are the user's ({@code CheckedStatistics}),
 * summed over the versions as Cockpit's query sums them: the webapp has set the engine's authentication for the
 * request (Camunda's webapp authentication filter). Rows keep their order (a list sorted by the counts themselves
 * keeps Camunda's order).
 * <p>
 * Registered with the webapps' Jersey applications beside {@link EngineRestConflicts}; it changes nothing elsewhere.
 */
public class CockpitProcessCounts implements ContainerResponseFilter {

    private static final Pattern STATISTICS = Pattern.compile("plugin/base/([^/]+)/process-definition/statistics/?$");

    /** A ticket type (all its versions) of a tenant, as Cockpit's list groups definitions. */
    private record Type(String key, String tenantId) {
    }

    /** Running instances and incidents of a type, summed over its versions. */
    private record Counts(int instances, int incidents) {

        static final Counts NONE = new Counts(0, 0);

        static Counts of(ProcessDefinitionStatistics version) {
            return new Counts(version.getInstances(), version.getIncidentStatistics().stream()
                    .mapToInt(IncidentStatistics::getIncidentCount).sum());
        }

        Counts plus(Counts more) {
            return new Counts(instances + more.instances, incidents + more.incidents);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Matcher statistics = STATISTICS.matcher(request.getUriInfo().getPath());
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !statistics.find()
                || !(response.getEntity() instanceof List<?> rows)) {
            return;
        }
        ProcessEngine engine = ProcessEngines.getProcessEngine(statistics.group(1));
        if (engine == null) {
            return;
        }
        Map<Type, Counts> counts = countsByType(engine);
        for (Object row : rows) {
            if (row instanceof ProcessDefinitionStatisticsDto definition) {
                Counts type = counts.getOrDefault(new Type(definition.getKey(), definition.getTenantId()),
                        Counts.NONE);
                definition.setInstances(type.instances());
                definition.setIncidents(type.incidents());
            }
        }
    }

    private static Map<Type, Counts> countsByType(ProcessEngine engine) {
        Map<Type, Counts> counts = new HashMap<>();
        for (ProcessDefinitionStatistics version : engine.getManagementService()
                .createProcessDefinitionStatisticsQuery().includeIncidents().list()) {
            counts.merge(new Type(version.getKey(), version.getTenantId()), Counts.of(version), Counts::plus);
        }
        return counts;
    }
}

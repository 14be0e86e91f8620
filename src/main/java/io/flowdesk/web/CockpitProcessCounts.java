package io.flowdesk.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.cockpit.impl.plugin.base.dto.ProcessDefinitionStatisticsDto;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.IncidentQuery;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cockpit's list of processes counts, for each ticket type, the running tickets and their incidents that the user
 * may read, not every department's.
 * <p>
 * Cockpit's own query behind the list (its plugin's {@code process-definition/statistics}) checks that the user may
 * read the definition and counts every running instance and incident of all its versions: a supervisor of tech saw
 * how many tickets finance and support have open. Here, on the way out of that resource, each row's counts are made
 * again by the engine's checked queries, as the user: the webapp has set the engine's authentication for the request
 * (Camunda's webapp authentication filter), so the per-ticket grants apply as in every other list. Rows keep their
 * order (a list sorted by the counts themselves keeps Camunda's order).
 * <p>
 * Registered with the webapps' Jersey applications beside {@link EngineRestConflicts}; it changes nothing elsewhere.
 */
public class CockpitProcessCounts implements ContainerResponseFilter {

    private static final Pattern STATISTICS = Pattern.compile("plugin/base/([^/]+)/process-definition/statistics/?$");

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
        for (Object row : rows) {
            if (row instanceof ProcessDefinitionStatisticsDto definition) {
                recount(engine, definition);
            }
        }
    }

    /** Every version of the definition's key (and tenant), as Cockpit's query groups them. */
    private static void recount(ProcessEngine engine, ProcessDefinitionStatisticsDto definition) {
        ProcessInstanceQuery instances = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(definition.getKey());
        IncidentQuery incidents = engine.getRuntimeService().createIncidentQuery()
                .processDefinitionKeyIn(definition.getKey());
        if (definition.getTenantId() == null) {
            instances.withoutTenantId(); // incidents have no such condition: Flowdesk has no tenants
        } else {
            instances.tenantIdIn(definition.getTenantId());
            incidents.tenantIdIn(definition.getTenantId());
        }
        definition.setInstances((int) instances.count());
        definition.setIncidents((int) incidents.count());
    }
}

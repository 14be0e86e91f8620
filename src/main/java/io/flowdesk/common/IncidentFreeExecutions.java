package io.flowdesk.common;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.BitMaskUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A job of an execution that has no incidents is deleted without looking for its failed-job incident.
 * <p>
 * Whenever the engine deletes a job (an SLA timer cancelled because its task was completed, a timer that fired),
 * it asks the failed-job incident handler to remove the job's incident, and Camunda's handler selects
 * {@code ACT_RU_INCIDENT} by the job's id to find out, although almost no job ever has one: 1.3 selects per task
 * completion in the benchmark's mix (five SLA timers per ticket, cancelled and started as the ticket moves).
 * <p>
 * A failed-job incident is always attached to the job's execution (the engine adds it to the execution's incident
 * list when it creates it), and the engine itself trusts an execution's stored "has incidents" flag: an execution
 * read with the flag down gets an empty incident list and no query. So when the job's execution is in the
 * command's cache with its incident list known and empty, there is no incident to remove. In every other case (a
 * job without an execution, an execution not read in this command, one that has or may have incidents) this
 * handler does exactly what Camunda's does.
 */
@Component
public class IncidentFreeExecutions extends AbstractProcessEnginePlugin {

    /** Bumped by request threads on every job they delete: an adder, not one contended counter. */
    private final LongAdder lookupsSkipped = new LongAdder();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = new ArrayList<>();
        if (configuration.getCustomIncidentHandlers() != null) {
            handlers.addAll(configuration.getCustomIncidentHandlers());
        }
        handlers.add(new FailedJobIncidents());
        configuration.setCustomIncidentHandlers(handlers);
    }

    /** How many incident lookups were left out since start (for the tests). */
    long lookupsSkipped() {
        return lookupsSkipped.sum();
    }

    /** Camunda's handler for failed-job incidents, without the lookup where the job's execution has none. */
    private final class FailedJobIncidents extends DefaultIncidentHandler {

        FailedJobIncidents() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        protected void removeIncident(IncidentContext context, boolean incidentResolved) {
            if (knownWithoutIncidents(context.getExecutionId())) {
                lookupsSkipped.increment();
                return;
            }
            super.removeIncident(context, incidentResolved);
        }
    }

    /** True only if the execution was read in this command and its incident list is loaded and empty. */
    private static boolean knownWithoutIncidents(String executionId) {
        if (executionId == null) {
            return false;
        }
        ExecutionEntity execution = Context.getCommandContext().getDbEntityManager()
                .getCachedEntity(ExecutionEntity.class, executionId);
        // the flag is up while the list is not loaded (null) or not empty
        return execution != null
                && !BitMaskUtil.isBitOn(execution.getCachedEntityState(), ExecutionEntity.INCIDENT_STATE_BIT);
    }
}

package io.flowdesk.security;

import io.flowdesk.engine.WithoutAuthorizationChecks;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.util.function.Supplier;

/**
 * Opens a ticket's process to those who may see the ticket, in the engine's own model, so that engine REST,
 * Tasklist and Cockpit show it to them and to nobody else: a department that comes to hold the ticket (and that
 * department's supervisors, who hold its grants) read its process instance and its history from then on, also once
 * it has been handed on; a system that opened a ticket reads that one. Called in the transaction that routes or
 * hands over the ticket.
 */
@Component
public class TicketGrants {

    /** Looked up once, when first needed (every ticket's routing asks; the bean factory's lookup is not free). */
    private final Supplier<ProcessEngineConfigurationImpl> engine;
    private final WithoutAuthorizationChecks inCommand;

    TicketGrants(ObjectProvider<ProcessEngineConfigurationImpl> engine, WithoutAuthorizationChecks inCommand) {
        this.engine = SingletonSupplier.of(engine::getObject);
        this.inCommand = inCommand;
    }

    /**
     * The department (and so its supervisors, {@link SupervisorsHoldTheirDepartmentsGrants}) may read the ticket's
     * process and history from now on.
     */
    public void grantDepartment(String processInstanceId, String department) {
        inCommand(() -> grantRead(isNewProcessInstance(processInstanceId), null, department, processInstanceId));
    }

    /** The user (a system that opened the ticket) may read the ticket's process and history. */
    public void grantUser(String processInstanceId, String userId) {
        inCommand(() -> grantRead(isNewProcessInstance(processInstanceId), userId, null, processInstanceId));
    }

    private static void grantRead(boolean isNew, String userId, String groupId, String processInstanceId) {
        EngineGrants.save(EngineGrants.grant(isNew, userId, groupId, Resources.PROCESS_INSTANCE, processInstanceId,
                Permissions.READ));
        AuthorizationEntity history = EngineGrants.grant(isNew, userId, groupId, Resources.HISTORIC_PROCESS_INSTANCE,
                processInstanceId, HistoricProcessInstancePermissions.READ);
        if (history != null && history.getId() == null) {
            history.setRootProcessInstanceId(processInstanceId); // history clean-up removes it with the history
        }
        EngineGrants.save(history);
    }

    private static boolean isNewProcessInstance(String processInstanceId) {
        return EngineGrants.isNew(Context.getCommandContext().getDbEntityManager().getDbEntityCache()
                .get(ExecutionEntity.class, processInstanceId));
    }

    /** In the engine command under way, or in one of its own (grants are stored without checks anyway). */
    private void inCommand(Runnable grants) {
        if (engine.get().isAuthorizationEnabled()) {
            inCommand.run(grants);
        }
    }
}

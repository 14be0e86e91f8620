package io.flowdesk.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * Camunda's authorization settings that Flowdesk's roles rely on ({@code camunda.bpm.authorization.enabled} and
 * the revoke mode are in application.yml):
 * <ul>
 *   <li>Flowdesk's grants for new tasks, groups and deployments ({@link DepartmentAuthorizationProvider});</li>
 *   <li>where the history level keeps variables ({@code audit}, {@code full}), variables are read only with a
 *       variable permission of their own, so that a right to read process history (analysts) is not a right to read
 *       what customers wrote. Flowdesk's level {@code tasks} keeps none: there a department reads its tickets'
 *       process variables with the ticket (engine REST, Cockpit), as Camunda does by default;</li>
 *   <li>history is granted per process instance, so that a department reads the history of its own tickets;</li>
 *   <li>group ids may contain hyphens ({@code support-supervisors}); Camunda's default allows letters and digits.</li>
 * </ul>
 */
@Component
class SecurityPlugin extends AbstractProcessEnginePlugin {

    static final String GROUP_IDS = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new DepartmentAuthorizationProvider());
        configuration.setEnableHistoricInstancePermissions(true);
        configuration.setGroupResourceWhitelistPattern(GROUP_IDS);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnforceSpecificVariablePermission(configuration.getHistoryLevel()
                .isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, null));
    }
}

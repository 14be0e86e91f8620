package io.flowdesk.common;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Every deployment on this node (Modeler, Cockpit, start-up) makes {@link LatestDefinitions} look again. */
@Component
class ForgetLatestDefinitionsOnDeploy extends AbstractProcessEnginePlugin {

    private final LatestDefinitions latest;

    ForgetLatestDefinitionsOnDeploy(LatestDefinitions latest) {
        this.latest = latest;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(deployment -> latest.forgetAll());
        configuration.setCustomPostDeployers(deployers);
    }
}

package io.flowdesk.tickettype;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The Camunda Forms a {@code camunda:formRef} can name while a deployment is parsed: those in the deployment itself
 * (Modeler and the start-up deployment send forms with the process) and those deployed before.
 */
class DeployedForms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeploymentEntity deployment;
    private Set<String> inDeployment;

    DeployedForms(DeploymentEntity deployment) {
        this.deployment = deployment;
    }

    /** The binding {@code deployment}: only a form of the same deployment will do. */
    boolean inThisDeployment(String key) {
        if (inDeployment == null) {
            inDeployment = readKeys();
        }
        return inDeployment.contains(key);
    }

    /** The binding {@code latest}. */
    boolean exists(String key) {
        return inThisDeployment(key) || forms().findLatestDefinitionByKeyAndTenantId(key, deployment.getTenantId()) != null;
    }

    /** The binding {@code version}; a form of this deployment becomes the next version, whichever that is. */
    boolean exists(String key, int version) {
        return inThisDeployment(key)
                || forms().findDefinitionByKeyVersionAndTenantId(key, version, deployment.getTenantId()) != null;
    }

    private static CamundaFormDefinitionManager forms() {
        return Context.getCommandContext().getCamundaFormDefinitionManager();
    }

    /** A form's key is the {@code id} in its JSON, as the engine's form deployer reads it, not the file name. */
    private Set<String> readKeys() {
        Set<String> keys = new HashSet<>();
        if (deployment.getResources() == null) {
            return keys;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            if (resource.getName() != null && resource.getName().endsWith(".form") && resource.getBytes() != null) {
                try {
                    String id = JSON.readTree(resource.getBytes()).path("id").asText("");
                    if (!id.isBlank()) {
                        keys.add(id);
                    }
                } catch (IOException unreadable) {
                    // the engine's form deployer rejects the file with its own message; the formRef is checked alone
                }
            }
        }
        return keys;
    }
}

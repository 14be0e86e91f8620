package io.flowdesk.audit;

import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What an engine change's audit entry says about it. */
final class ChangeDetails {

    /** A definition a deployment made: its target type ({@code process-definition}), key and version. */
    record Definition(String type, String keyAndVersion, String detail) {
    }

    private ChangeDetails() {
    }

    static String fromTo(String from, String to) {
        return (from == null ? "nobody" : from) + " → " + (to == null ? "nobody" : to);
    }

    /**
     * A change of assignee that someone made to another's task: not an agent taking an open task or handing back
     * their own, which agents do all day.
     */
    static boolean isReassignment(String actor, String from, String to) {
        if (Objects.equals(from, to)) {
            return false;
        }
        if (from == null) {
            return !to.equals(actor);
        }
        return to != null || !from.equals(actor);
    }

    static String profileOf(UserEntity user) {
        if (user == null) {
            return null;
        }
        String name = Stream.of(user.getFirstName(), user.getLastName()).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        return user.getEmail() == null ? name : name + " <" + user.getEmail() + ">";
    }

    /** Each definition the deployment made (process, decision, form, ...), in the order of their keys. */
    static List<Definition> definitionsOf(DeploymentEntity deployment) {
        if (deployment.getDeployedArtifacts() == null) {
            return List.of();
        }
        List<Definition> definitions = new ArrayList<>();
        deployment.getDeployedArtifacts().forEach((type, artifacts) -> {
            for (Object artifact : artifacts) {
                if (artifact instanceof ResourceDefinition definition) {
                    definitions.add(new Definition(typeOf(type), definition.getKey() + ":" + definition.getVersion(),
                            "deployment " + deploymentName(deployment) + ", " + definition.getResourceName()));
                }
            }
        });
        definitions.sort(Comparator.comparing(Definition::type).thenComparing(Definition::keyAndVersion));
        return definitions;
    }

    static String deletion(DeploymentEntity deployment, List<ProcessDefinition> processes,
                           List<DecisionDefinition> decisions, List<PropertyChange> propertyChanges) {
        String definitions = Stream.concat(processes.stream(), decisions.stream())
                .map(definition -> definition.getKey() + ":" + definition.getVersion())
                .collect(Collectors.joining(", "));
        boolean cascade = propertyChanges.stream().anyMatch(change -> "cascade".equals(change.getPropertyName())
                && Boolean.TRUE.equals(change.getNewValue()));
        return (deployment == null ? "" : deploymentName(deployment) + ": ")
                + (definitions.isEmpty() ? "no definitions" : definitions)
                + (cascade ? "; with their process instances" : "");
    }

    private static String deploymentName(DeploymentEntity deployment) {
        return (deployment.getName() == null ? "" : deployment.getName() + " ") + "(" + deployment.getId() + ")";
    }

    /**
     * {@code ProcessDefinitionEntity} → {@code process-definition},
     * {@code CamundaFormDefinitionEntity} → {@code form-definition}.
     */
    private static String typeOf(Class<?> entityType) {
        return AccessRefusals.typeName(entityType.getSimpleName().replaceFirst("^Camunda", "")
                .replaceFirst("Entity$", ""));
    }
}

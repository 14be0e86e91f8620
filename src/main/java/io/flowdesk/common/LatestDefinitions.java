package io.flowdesk.common;

import io.flowdesk.engine.WithoutAuthorizationChecks;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * The latest version of a process or decision by key, without asking the database on every ticket: the engine
 * queries for the highest version on each start or evaluation by key. Forgotten whenever this node deploys
 * anything ({@link ForgetLatestDefinitionsOnDeploy}), and after a minute at the latest, so that a deployment
 * made through another node is picked up too. Read whoever's request needs them: the definitions are kept for
 * every user, so the engine's per-user checks do not apply to the lookup.
 */
@Component
public class LatestDefinitions {

    static final Duration AT_MOST = Duration.ofSeconds(60);

    private final ObjectProvider<RepositoryService> repositoryService;
    private final WithoutAuthorizationChecks withoutChecks;
    private final KeptValues<String, Optional<ProcessDefinition>> processes = new KeptValues<>(AT_MOST, 1_000);
    private final KeptValues<String, Optional<DecisionDefinition>> decisions = new KeptValues<>(AT_MOST, 1_000);

    LatestDefinitions(ObjectProvider<RepositoryService> repositoryService, WithoutAuthorizationChecks withoutChecks) {
        this.repositoryService = repositoryService;
        this.withoutChecks = withoutChecks;
    }

    /** The latest active version of the process, if one is deployed. */
    public Optional<ProcessDefinition> process(String key) {
        return processes.get(key, k -> Optional.ofNullable(withoutChecks.call(() -> repositoryService.getObject()
                .createProcessDefinitionQuery().processDefinitionKey(k).latestVersion().active().singleResult())));
    }

    /** The id of the latest version of the decision; it must be deployed. */
    public String decisionId(String key) {
        return decisions.get(key, k -> Optional.ofNullable(withoutChecks.call(() -> repositoryService.getObject()
                        .createDecisionDefinitionQuery().decisionDefinitionKey(k).latestVersion().singleResult())))
                .map(DecisionDefinition::getId)
                .orElseThrow(() -> new IllegalStateException("No decision '" + key + "' is deployed"));
    }

    void forgetAll() {
        processes.forgetAll();
        decisions.forgetAll();
    }
}

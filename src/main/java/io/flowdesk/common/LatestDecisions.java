package io.flowdesk.common;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import io.flowdesk.engine.WithoutAuthorizationChecks;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a decision table, by key.
 * <p>
 * Routing and SLA terms are decided inside engine commands (the delegates that route a new ticket and start its
 * clocks). There the decision is evaluated by the engine's own DMN engine, straight from the engine's deployment
 * cache: {@link DecisionService} would read the decision definition's row again first, one query per evaluation,
 * two per ticket. It is the same evaluation {@code DecisionService} makes, with the same listeners (history,
 * metrics), without an authorization check: routing and SLA terms are decided for whoever opens or works the
 * ticket, and none of them may evaluate decisions themselves. Outside a command, or when the definition has left
 * the deployment cache, it goes through {@code DecisionService} the same way.
 */
@Component
public class LatestDecisions {

    private final LatestDefinitions latest;
    private final ObjectProvider<DecisionService> decisionService;
    private final WithoutAuthorizationChecks withoutChecks;

    LatestDecisions(LatestDefinitions latest, ObjectProvider<DecisionService> decisionService,
                    WithoutAuthorizationChecks withoutChecks) {
        this.latest = latest;
        this.decisionService = decisionService;
        this.withoutChecks = withoutChecks;
    }

    public DmnDecisionResult evaluate(String key, VariableMap inputs) {
        String id = latest.decisionId(key);
        if (Context.getCommandContext() != null) {
            ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
            DecisionDefinitionEntity cached = engine.getDeploymentCache().findDecisionDefinitionFromCache(id);
            if (cached != null) {
                return engine.getDmnEngine().evaluateDecision(cached, inputs);
            }
        }
        return withoutChecks.call(() ->
                decisionService.getObject().evaluateDecisionById(id).variables(inputs).evaluate());
    }
}

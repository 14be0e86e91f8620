package io.flowdesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One decision table from {@code processes/}, evaluated by a standalone DMN engine configured like the Camunda 7.24
 * process engine's: FEEL Scala engine (with Flowdesk's parse cache) for every expression (no legacy JUEL/FEEL), blank
 * outputs left out of the
 * result. It also records the ids of the rows that fired, so that a test can say which row decided.
 *
 * <p>It exists so that the row-by-row decision table tests share one engine set-up instead of each repeating it.
 */
public final class DecisionTableUnderTest {

    private final DefaultDmnEngineConfiguration configuration;
    private final DmnEngine engine;
    private final String decisionKey;
    private final DmnModelInstance model;
    private final DmnDecision decision;
    private final List<String> firedRules = new ArrayList<>();

    private DecisionTableUnderTest(Path file, String decisionKey) {
        configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration
                // process engine default: dmnFeelEnableLegacyBehavior = false
                .enableFeelLegacyBehavior(false)
                // process engine default: dmnReturnBlankTableOutputAsNull = false
                .setReturnBlankTableOutputAsNull(false)
                // process engine: the Scala FEEL engine with FeelParseCache's parse cache
                .feelEngineFactory(() -> new FeelParseCache.CachingScalaFeelEngine(List.of()))
                .customPostDecisionTableEvaluationListeners(List.of(event -> {
                    firedRules.clear();
                    event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(firedRules::add);
                }));
        engine = configuration.buildEngine();
        this.decisionKey = decisionKey;
        model = Dmn.readModelFromFile(file.toFile());
        decision = engine.parseDecision(decisionKey, model);
    }

    /** Parses the decision {@code decisionKey} from {@code file}, e.g. {@code processes/routing.dmn}. */
    public static DecisionTableUnderTest parse(Path file, String decisionKey) {
        return new DecisionTableUnderTest(file, decisionKey);
    }

    /** Evaluates the decision; the rows that fired in an earlier evaluation are forgotten first. */
    public DmnDecisionResult evaluate(Map<String, Object> variables) {
        firedRules.clear();
        return engine.evaluateDecision(decision, variables);
    }

    /** The ids of the rows that fired in the last evaluation, in table order. */
    public List<String> firedRules() {
        return Collections.unmodifiableList(new ArrayList<>(firedRules));
    }

    /** The configuration of the engine, to check that it matches the process engine's. */
    public DefaultDmnEngineConfiguration configuration() {
        return configuration;
    }

    /** The decision table as written in the model file. */
    public DecisionTable table() {
        return (DecisionTable) decisionElement().getExpression();
    }

    /**
     * Asserts what every decision table in {@code processes/} documents: its name, FIRST hit policy, history kept
     * for 180 days, its inputs, outputs and rows in this order, and every input and output label and every row
     * annotation in Chinese and English.
     */
    public void assertIsDocumentedFirstHitTable(String name, List<String> inputs, List<String> outputs,
            List<String> rules) {
        Decision decisionElement = decisionElement();
        DecisionTable table = table();

        assertThat(decisionElement.getName()).isEqualTo(name);
        assertThat(decisionElement.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        assertThat(table.getInputs()).extracting(input -> input.getInputExpression().getText().getTextContent())
                .containsExactlyElementsOf(inputs);
        assertThat(table.getInputs()).extracting(Input::getLabel)
                .allMatch(DecisionTableUnderTest::hasChineseAndEnglish);
        assertThat(table.getOutputs()).extracting(Output::getName).containsExactlyElementsOf(outputs);
        assertThat(table.getOutputs()).extracting(Output::getLabel)
                .allMatch(DecisionTableUnderTest::hasChineseAndEnglish);
        assertThat(table.getRules()).extracting(Rule::getId).containsExactlyElementsOf(rules);
        assertThat(table.getRules()).allSatisfy(rule -> {
            assertThat(rule.getDescription()).as("annotation of %s", rule.getId()).isNotNull();
            assertThat(hasChineseAndEnglish(rule.getDescription().getTextContent()))
                    .as("annotation of %s in Chinese and English", rule.getId()).isTrue();
        });
    }

    private Decision decisionElement() {
        return model.getModelElementById(decisionKey);
    }

    private static boolean hasChineseAndEnglish(String text) {
        return text != null
                && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && text.chars().anyMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    }
}

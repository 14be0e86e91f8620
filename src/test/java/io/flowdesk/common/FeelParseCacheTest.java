package io.flowdesk.common;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeelParseCacheTest {

    private static final List<VariableMap> INPUTS = List.of(
            Variables.createVariables().putValue("customerTier", "vip"),
            Variables.createVariables().putValue("customerTier", ""),
            Variables.createVariables().putValue("customerTier", null),
            Variables.createVariables().putValue("customerTier", 5),
            Variables.createVariables().putValue("customerTier", 2.5),
            Variables.createVariables().putValue("customerTier", true),
            Variables.createVariables().putValue("customerTier", LocalDate.of(2026, 12, 2)),
            Variables.createVariables().putValue("true", "a variable named true"),
            Variables.createVariables());

    private final FeelParseCache.CachingScalaFeelEngine feel = new FeelParseCache.CachingScalaFeelEngine(List.of());

    /** Camunda's own FEEL engine, as the process engine has it without Flowdesk's plugin. */
    private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());

    @Test
    void anExpressionParsedOnceIsEvaluatedWithEachCallsOwnVariables() {
        for (int i = 0; i < 3; i++) {
            assertThat(feel.evaluateSimpleUnaryTests("\"vip\",\"gold\"", "customerTier",
                    Variables.createVariables().putValue("customerTier", "vip").asVariableContext())).isTrue();
            assertThat(feel.evaluateSimpleUnaryTests("\"vip\",\"gold\"", "customerTier",
                    Variables.createVariables().putValue("customerTier", "standard").asVariableContext())).isFalse();
            Object minutes = feel.evaluateSimpleExpression("if priority = \"urgent\" then 60 else 240",
                    Variables.createVariables().putValue("priority", i == 1 ? "urgent" : "normal")
                            .asVariableContext());
            assertThat(((Number) minutes).intValue()).isEqualTo(i == 1 ? 60 : 240);
        }
        assertThat(feel.parsedExpressions()).as("two texts, each parsed once").isEqualTo(2);
    }

    @Test
    void aBadExpressionFailsEveryTimeNotJustTheFirst() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> feel.evaluateSimpleUnaryTests("[1..", "x",
                    Variables.createVariables().putValue("x", 1).asVariableContext()))
                    .isInstanceOf(FeelException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", " - ", "\"vip\"", "\"vip\",\"gold\"", "not(\"vip\")", "null", "> 3"})
    void anInputEntryGivesWhatCamundasOwnFeelEngineGives(String entry) {
        for (VariableMap input : INPUTS) {
            VariableContext context = input.asVariableContext();
            assertThat(outcome(() -> feel.evaluateSimpleUnaryTests(entry, "customerTier", context)))
                    .as("%s with %s", entry, input)
                    .isEqualTo(outcome(() -> camunda.evaluateSimpleUnaryTests(entry, "customerTier", context)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"customerTier", "true", "null", "_tier", "tier2", "customerTier + \"x\"", "missing"})
    void anInputExpressionGivesWhatCamundasOwnFeelEngineGives(String expression) {
        for (VariableMap input : INPUTS) {
            VariableContext context = input.asVariableContext();
            assertThat(outcome(() -> feel.evaluateSimpleExpression(expression, context)))
                    .as("%s with %s", expression, input)
                    .isEqualTo(outcome(() -> camunda.evaluateSimpleExpression(expression, context)));
        }
    }

    @Test
    void anyValueAndANameHoldingTextAreAnsweredWithoutTheFeelEngine() {
        VariableContext context = Variables.createVariables().putValue("customerTier", "vip")
                .putValue("region", null).asVariableContext();

        assertThat(feel.evaluateSimpleUnaryTests("-", "customerTier", context)).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("-", "region", context)).isTrue();
        assertThat((Object) feel.evaluateSimpleExpression("customerTier", context)).isEqualTo("vip");
        assertThat((Object) feel.evaluateSimpleExpression("region", context)).isNull();
        assertThat(feel.parsedExpressions()).as("nothing was handed to FEEL to parse").isZero();

        assertThat(FeelParseCache.isPlainName("customerTier")).isTrue();
        assertThat(FeelParseCache.isPlainName("true")).isFalse();
        assertThat(FeelParseCache.isPlainName("2tier")).isFalse();
        assertThat(FeelParseCache.isPlainName("customer tier")).isFalse();
        assertThat(FeelParseCache.isPlainName("客户")).isFalse();
    }

    /** The value with its type, or the kind of exception thrown: what the two engines must agree on. */
    private static Object outcome(Callable<?> evaluation) {
        try {
            Object value = evaluation.call();
            return value == null ? "null" : value.getClass().getName() + ": " + value;
        } catch (Exception e) {
            return e.getClass();
        }
    }
}

package io.flowdesk.common;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeelParseCacheTest {

    private final FeelParseCache.CachingScalaFeelEngine feel = new FeelParseCache.CachingScalaFeelEngine(List.of());

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
}

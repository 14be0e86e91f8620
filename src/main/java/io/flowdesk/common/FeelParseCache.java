package io.flowdesk.common;

import camundajar.impl.scala.util.Either;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * DMN tables evaluated with FEEL expressions parsed once, not on every evaluation.
 * <p>
 * Camunda's FEEL integration hands each input expression and each rule's input entry to the FEEL engine as text,
 * and the engine parses the text again every time: with routing and SLA tables on every ticket, parsing was
 * most of the cost of a decision. This plugin gives the DMN engine the same Scala FEEL engine, configured the same
 * way (Camunda's value mappers, custom functions and settings), whose parse results are kept by expression text.
 * What an expression evaluates to is unchanged. A parse result depends on nothing but the text, so the cache never needs clearing;
 * it is bounded so that tables deployed over the years do not fill the heap.
 * <p>
 * Two kinds of expression, most of what the analysts' tables hold, are answered without the FEEL engine, with the
 * result FEEL gives them (FeelParseCacheTest compares the two): the input entry {@code -} ("any value", the cell a
 * rule leaves open: 74 of the 92 input cells of the routing and SLA tables as shipped) is true, and an input expression that is just
 * the name of a variable holding text (or nothing) is that text. For each of them Camunda's integration builds a
 * FEEL context around the decision's variables, and the FEEL interpreter validates and evaluates the expression and
 * maps the value in and out. Standalone, both tables evaluate in about two thirds of the time; in a ticket create's
 * profile the input expressions went from 1.4 to 0.2 % of the request's CPU (benchmark/README.md, 2026-12-02
 * afternoon). Everything else goes to the FEEL engine as before.
 */
@Component
public class FeelParseCache extends AbstractProcessEnginePlugin {

    static final int MAX_EXPRESSIONS = 10_000;

    /** FEEL's words that are not names: {@code true} as an input expression is the literal, not a variable. */
    private static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "not", "and", "or", "if", "then",
            "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function",
            "external");

    /** The unary test {@code -}: any input value, null included. */
    static boolean isAnyValue(String expression) {
        return expression != null && expression.strip().equals("-");
    }

    /**
     * A variable's name as FEEL reads it and nothing else: ASCII letters, digits and underscores, not starting with
     * a digit, not a FEEL word. (FEEL allows more in names; those go to the FEEL engine.)
     */
    static boolean isPlainName(String expression) {
        if (expression == null || expression.isEmpty() || isDigit(expression.charAt(0))) {
            return false;
        }
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_')) {
                return false;
            }
        }
        return !FEEL_WORDS.contains(expression);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // as Camunda's ScalaFeelEngineFactory: the custom function providers are those the engine hands the DMN
        // configuration when it builds the DMN engine, after every plugin's preInit
        FeelEngineFactory factory = () -> new CachingScalaFeelEngine(dmn.getFeelCustomFunctionProviders());
        dmn.setFeelEngineFactory(factory);
        configuration.setDmnEngineConfiguration(dmn);
    }

    /** Camunda's Scala FEEL engine with a parse cache under it, answering {@code -} and plain names itself. */
    public static final class CachingScalaFeelEngine extends ScalaFeelEngine {

        public CachingScalaFeelEngine(List<FeelCustomFunctionProvider> customFunctions) {
            super(customFunctions);
        }

        @Override
        protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                                             ValueMapper.CompositeValueMapper valueMapper) {
            return new ParsingOnce(super.buildFeelEngine(functions, valueMapper));
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
                                                VariableContext variableContext) {
            if (isAnyValue(expression)) {
                return true;
            }
            return super.evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
            if (isPlainName(expression) && variableContext.containsVariable(expression)) {
                Object value = variableContext.resolve(expression).getValue();
                if (value == null || value instanceof String) {
                    return (T) value;
                }
            }
            return super.evaluateSimpleExpression(expression, variableContext);
        }

        /** How many expression texts have been parsed (and kept) so far. */
        long parsedExpressions() {
            ParsingOnce engine = (ParsingOnce) feelEngine;
            return engine.expressions.estimatedSize() + engine.unaryTests.estimatedSize();
        }
    }

    /**
     * The FEEL engine Camunda built, with each expression text parsed once. feel-scala 1.19 deprecates its
     * parse methods in favour of a newer API, but they are what {@code evalExpression} and {@code evalUnaryTests},
     * which Camunda 7.24 calls, go through; FeelParseCacheTest notices if an upgrade stops using them.
     */
    @SuppressWarnings("deprecation")
    static final class ParsingOnce extends FeelEngine {

        private final Cache<String, Either<FeelEngine.Failure, ParsedExpression>> expressions = Caffeine.newBuilder()
                .maximumSize(MAX_EXPRESSIONS).build();
        private final Cache<String, Either<FeelEngine.Failure, ParsedExpression>> unaryTests = Caffeine.newBuilder()
                .maximumSize(MAX_EXPRESSIONS).build();

        ParsingOnce(FeelEngine configured) {
            super(configured.functionProvider(), configured.valueMapper(), configured.configuration(),
                    configured.clock());
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseExpression(String expression) {
            return expressions.get(expression, super::parseExpression);
        }

        @Override
        public Either<FeelEngine.Failure, ParsedExpression> parseUnaryTests(String expression) {
            return unaryTests.get(expression, super::parseUnaryTests);
        }
    }
}

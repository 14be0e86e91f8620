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
import org.camunda.feel.FeelEngine;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * DMN tables evaluated with FEEL expressions parsed once, not on every evaluation.
 * <p>
 * Camunda's FEEL integration hands each input expression and each rule's input entry to the FEEL engine as text,
 * and the engine parses the text again every time: with routing and SLA tables on every ticket, parsing was
 * most of the cost of a decision. This plugin gives the DMN engine the same Scala FEEL engine, configured the same
 * way (Camunda's value mappers, custom functions and settings), whose parse results are kept by expression text.
 * Evaluation is unchanged. A parse result depends on nothing but the text, so the cache never needs clearing;
 * it is bounded so that tables deployed over the years do not fill the heap.
 */
@Component
public class FeelParseCache extends AbstractProcessEnginePlugin {

    static final int MAX_EXPRESSIONS = 10_000;

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

    /** Camunda's Scala FEEL engine with a parse cache under it. */
    public static final class CachingScalaFeelEngine extends ScalaFeelEngine {

        public CachingScalaFeelEngine(List<FeelCustomFunctionProvider> customFunctions) {
            super(customFunctions);
        }

        @Override
        protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                                             ValueMapper.CompositeValueMapper valueMapper) {
            return new ParsingOnce(super.buildFeelEngine(functions, valueMapper));
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

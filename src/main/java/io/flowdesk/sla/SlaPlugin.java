package io.flowdesk.sla;

import io.flowdesk.common.BpmnProperties;
import io.flowdesk.common.ParseListeners;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.util.function.BiConsumer;

/**
 * The SLA clocks follow what the analyst declared on BPMN elements:
 * {@code flowdesk.sla.met=firstResponse} (the target is met when the element completes),
 * {@code flowdesk.sla.pause=resolution} (the clock stops while the element is active, e.g. waiting for the
 * customer) and {@code flowdesk.sla.restart=resolution} (a fresh clock when the element is reached, e.g. reopen).
 */
@Component
class SlaPlugin extends AbstractProcessEnginePlugin {

    /**
     * Looked up on first use, then kept (a provider resolves the bean anew on every call): the clocks need engine
     * services, which need this plugin first.
     */
    private final SingletonSupplier<SlaClocks> clocks;

    SlaPlugin(ObjectProvider<SlaClocks> clocks) {
        this.clocks = SingletonSupplier.of(clocks::getObject);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addAfterBuiltIn(configuration, new SlaParseListener());
    }

    private ExecutionListener on(String target, BiConsumer<SlaClocks, String> action) {
        SlaTarget.of(target);
        return execution -> {
            String number = execution.getProcessBusinessKey();
            if (number != null) {
                action.accept(clocks.obtain(), number);
            }
        };
    }

    private class SlaParseListener extends AbstractBpmnParseListener {

        private void bind(Element element, ActivityImpl activity) {
            BpmnProperties.read(element, BpmnProperties.SLA_MET).ifPresent(target -> activity.addListener(
                    ExecutionListener.EVENTNAME_END, on(target, (c, n) -> c.meet(n, SlaTarget.of(target)))));
            BpmnProperties.read(element, BpmnProperties.SLA_PAUSE).ifPresent(target -> {
                activity.addListener(ExecutionListener.EVENTNAME_START,
                        on(target, (c, n) -> c.pause(n, SlaTarget.of(target))));
                activity.addListener(ExecutionListener.EVENTNAME_END,
                        on(target, (c, n) -> c.resume(n, SlaTarget.of(target))));
            });
            BpmnProperties.read(element, BpmnProperties.SLA_RESTART).ifPresent(target -> activity.addListener(
                    ExecutionListener.EVENTNAME_START, on(target, (c, n) -> c.restart(n, SlaTarget.of(target)))));
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            bind(element, activity);
        }

        @Override
        public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            bind(element, activity);
        }

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            bind(element, activity);
        }

        @Override
        public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
            bind(element, activity);
        }

        @Override
        public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            bind(element, activity);
        }

        @Override
        public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            bind(element, activity);
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            bind(element, activity);
        }
    }
}

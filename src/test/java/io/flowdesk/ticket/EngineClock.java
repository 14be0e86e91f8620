package io.flowdesk.ticket;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.time.Instant;
import java.util.Date;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/** Starts each process test on the engine at {@link #MONDAY_OPENING}; afterwards signs out and resets the clock. */
final class EngineClock implements BeforeEachCallback, AfterEachCallback {

    /** Monday 2026-03-02 09:00 in Asia/Shanghai. */
    static final Instant MONDAY_OPENING = Instant.parse("2026-03-02T01:00:00Z");

    static void setClock(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        init(engine(context));
        setClock(MONDAY_OPENING);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        engine(context).getIdentityService().clearAuthentication();
        ClockUtil.reset();
    }

    private static ProcessEngine engine(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    }
}

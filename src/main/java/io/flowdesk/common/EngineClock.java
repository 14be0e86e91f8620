package io.flowdesk.common;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The process engine's clock as a {@link Clock}, so that our timestamps and the engine's timers agree,
 * also when a test moves the engine clock.
 */
public class EngineClock extends Clock {

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the engine clock is always UTC");
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }
}

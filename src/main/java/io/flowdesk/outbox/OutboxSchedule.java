package io.flowdesk.outbox;

import io.flowdesk.common.BackgroundThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Runs the dispatcher on a thread of its own, every {@code flowdesk.outbox.interval} (and at once when asked), and the
 * clean-up of delivered messages every hour. Every node of a cluster runs it: the dispatcher's claims keep them from
 * sending a message twice. {@code flowdesk.outbox.dispatch=false} leaves a node out (the tests do, and dispatch when
 * they choose).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);
    private static final Duration CLEAN_UP_INTERVAL = Duration.ofHours(1);
    private static final String NOT_DISPATCHED = "Outbox not dispatched";

    private final OutboxProperties properties;
    /** Looked up when started: the dispatcher's channels may need the outbox, and so this, to be built. */
    private final ObjectProvider<OutboxDispatcher> dispatcher;
    private volatile BackgroundThread thread;

    OutboxSchedule(OutboxProperties properties, ObjectProvider<OutboxDispatcher> dispatcher) {
        this.properties = properties;
        this.dispatcher = dispatcher;
    }

    @Override
    public void start() {
        if (!properties.dispatch()) {
            log.info("Outbox: this node does not dispatch (flowdesk.outbox.dispatch=false)");
            return;
        }
        BackgroundThread started = new BackgroundThread("outbox-dispatcher");
        started.repeat(Duration.ZERO, properties.interval(), NOT_DISPATCHED, this::dispatch);
        started.repeat(CLEAN_UP_INTERVAL, CLEAN_UP_INTERVAL, "Outbox not cleaned up",
                () -> dispatcher.getObject().cleanUp());
        thread = started;
        log.info("Outbox: dispatching every {}, retrying after {} up to {}, keeping delivered messages {}",
                properties.interval(), properties.retryBase(), properties.retryMax(), properties.retention());
    }

    /** Dispatches now, on the dispatcher's thread, if this node dispatches. */
    void wakeUp() {
        BackgroundThread running = thread;
        if (running != null) {
            running.runSoon(NOT_DISPATCHED, this::dispatch);
        }
    }

    private void dispatch() {
        dispatcher.getObject().dispatchDue();
    }

    @Override
    public void stop() {
        BackgroundThread running = thread;
        thread = null;
        if (running != null) {
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}

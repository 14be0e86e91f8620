package io.flowdesk.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread of a feature's own for work that repeats (a dispatcher, a cache read again): one task at a time, a
 * pause after each run. A run that fails (the database out of reach) is logged in one line, and the next comes as
 * planned.
 */
public final class BackgroundThread {

    private static final Logger log = LoggerFactory.getLogger(BackgroundThread.class);

    private final ScheduledExecutorService executor;

    public BackgroundThread(String name) {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the task after {@code first}, then again {@code pause} after each run ends; a failure is logged as what. */
    public void repeat(Duration first, Duration pause, String what, Runnable task) {
        executor.scheduleWithFixedDelay(() -> runLogged(what, task), first.toMillis(), pause.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Runs the task once, as soon as the thread is free (not at all once stopped). */
    public void runSoon(String what, Runnable task) {
        try {
            executor.execute(() -> runLogged(what, task));
        } catch (RejectedExecutionException stopped) {
            // stopping: the task would have been the last of this thread's anyway
        }
    }

    public void stop() {
        executor.shutdownNow();
    }

    private static void runLogged(String what, Runnable task) {
        try {
            task.run();
        } catch (Exception e) {
            log.warn("{}: {}", what, e.toString());
        }
    }
}

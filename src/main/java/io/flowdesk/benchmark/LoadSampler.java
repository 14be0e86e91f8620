package io.flowdesk.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Samples, every 100 ms between start and stop, what tells where a load waits: the connection pool (active,
 * threads waiting for a connection) and Tomcat's request threads (busy). The driver starts it at the beginning
 * of a measured window and stops it at the end.
 */
@Component
@Profile("benchmark")
class LoadSampler {

    private static final long PERIOD_MS = 100;

    private final DataSource dataSource;
    private final WebServerApplicationContext context;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "benchmark-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private ScheduledFuture<?> running;
    private long samples;
    private long activeSum;
    private int activeMax;
    private long waitingSum;
    private int waitingMax;
    private long samplesWithWaiting;
    private int total;
    private long busySum;
    private int busyMax;

    LoadSampler(DataSource dataSource, WebServerApplicationContext context) {
        this.dataSource = dataSource;
        this.context = context;
    }

    synchronized void start() {
        stopTimer();
        samples = activeSum = waitingSum = samplesWithWaiting = busySum = 0;
        activeMax = waitingMax = total = busyMax = 0;
        running = timer.scheduleAtFixedRate(this::sample, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    synchronized Map<String, Object> stop() {
        stopTimer();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", samples);
        out.put("periodMs", PERIOD_MS);
        out.put("poolSize", total);
        out.put("poolActiveMean", samples == 0 ? 0 : (double) activeSum / samples);
        out.put("poolActiveMax", activeMax);
        out.put("poolWaitingMean", samples == 0 ? 0 : (double) waitingSum / samples);
        out.put("poolWaitingMax", waitingMax);
        out.put("poolWaitingShare", samples == 0 ? 0 : (double) samplesWithWaiting / samples);
        out.put("tomcatBusyMean", samples == 0 ? 0 : (double) busySum / samples);
        out.put("tomcatBusyMax", busyMax);
        return out;
    }

    private void stopTimer() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    private synchronized void sample() {
        HikariPoolMXBean pool = pool();
        if (pool != null) {
            int active = pool.getActiveConnections();
            int waiting = pool.getThreadsAwaitingConnection();
            total = Math.max(total, pool.getTotalConnections());
            activeSum += active;
            activeMax = Math.max(activeMax, active);
            waitingSum += waiting;
            waitingMax = Math.max(waitingMax, waiting);
            if (waiting > 0) {
                samplesWithWaiting++;
            }
        }
        int busy = tomcatBusyThreads();
        busySum += Math.max(busy, 0);
        busyMax = Math.max(busyMax, busy);
        samples++;
    }

    HikariPoolMXBean pool() {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean() : null;
        } catch (SQLException e) {
            return null;
        }
    }

    AbstractProtocol<?> tomcatProtocol() {
        if (context.getWebServer() instanceof TomcatWebServer tomcat) {
            Connector connector = tomcat.getTomcat().getConnector();
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                return protocol;
            }
        }
        return null;
    }

    private int tomcatBusyThreads() {
        AbstractProtocol<?> protocol = tomcatProtocol();
        Executor executor = protocol == null ? null : protocol.getExecutor();
        if (executor instanceof ThreadPoolExecutor pool) {
            return pool.getActiveCount();
        }
        if (executor instanceof org.apache.tomcat.util.threads.ThreadPoolExecutor pool) {
            return pool.getActiveCount();
        }
        return -1;
    }
}

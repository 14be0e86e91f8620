package io.flowdesk.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side helpers of the benchmark ({@code benchmark/}), present only under the Spring profile
 * {@code benchmark}. Under {@code /api} so that the API's HTTP Basic login protects them.
 */
@RestController
@RequestMapping("/api/benchmark")
@Profile("benchmark")
class BenchmarkController {

    private final EngineBound engineBound;
    private final LoadSampler sampler;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ProcessEngine processEngine;

    BenchmarkController(EngineBound engineBound, LoadSampler sampler, DataSource dataSource,
                        ProcessEngine processEngine) {
        this.engineBound = engineBound;
        this.sampler = sampler;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.processEngine = processEngine;
    }

    /** Starts the bare copy of the inquiry process {@code count} times on {@code threads} threads, timed. */
    @PostMapping("/engine-bound")
    Map<String, Object> engineBound(@RequestParam(defaultValue = "2000") int count,
                                    @RequestParam(defaultValue = "8") int threads,
                                    @RequestParam(defaultValue = "200") int warmup) throws InterruptedException {
        if (count < 1 || count > 1_000_000 || threads < 1 || threads > 256 || warmup < 0) {
            throw new IllegalArgumentException("count 1..1000000, threads 1..256, warmup >= 0");
        }
        return engineBound.run(count, threads, warmup);
    }

    @PostMapping("/sampler/start")
    Map<String, Object> startSampler() {
        sampler.start();
        return Map.of("started", true);
    }

    @PostMapping("/sampler/stop")
    Map<String, Object> stopSampler() {
        return sampler.stop();
    }

    /** Row counts the driver checks against the creates it saw answered with 201. */
    @GetMapping("/counts")
    Map<String, Object> counts() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tickets", count("select count(*) from ticket"));
        out.put("openTickets", count("select count(*) from ticket where status <> 'closed'"));
        out.put("runningInquiryInstances", count(
                "select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null and PROC_DEF_ID_ like 'inquiry:%'"));
        out.put("historicInquiryInstances", count(
                "select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'inquiry'"));
        out.put("runningEngineBoundInstances", count(
                "select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null and PROC_DEF_ID_ like '"
                        + EngineBound.KEY + ":%'"));
        out.put("tasks", count("select count(*) from ACT_RU_TASK"));
        out.put("jobs", count("select count(*) from ACT_RU_JOB"));
        return out;
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class);
        return value == null ? 0 : value;
    }

    /** The configuration the server runs with, read from the live objects (not from the property files). */
    @GetMapping("/config")
    Map<String, Object> config() throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();

        Map<String, Object> pool = new LinkedHashMap<>();
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            pool.put("jdbcUrl", hikari.getJdbcUrl());
            pool.put("maximumPoolSize", hikari.getMaximumPoolSize());
            pool.put("minimumIdle", hikari.getMinimumIdle());
            pool.put("connectionTimeoutMs", hikari.getConnectionTimeout());
            pool.put("transactionIsolation", hikari.getTransactionIsolation());
            pool.put("autoCommit", hikari.isAutoCommit());
            pool.put("dataSourceProperties", hikari.getDataSourceProperties());
        } else {
            pool.put("dataSource", dataSource.getClass().getName());
        }
        out.put("connectionPool", pool);

        ProcessEngineConfigurationImpl engine =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        Map<String, Object> camunda = new LinkedHashMap<>();
        camunda.put("historyLevel", engine.getHistoryLevel() == null ? engine.getHistory()
                : engine.getHistoryLevel().getName());
        camunda.put("databaseType", engine.getDatabaseType());
        camunda.put("jdbcBatchProcessing", engine.isJdbcBatchProcessing());
        camunda.put("idGenerator", engine.getIdGenerator().getClass().getSimpleName());
        camunda.put("authorizationEnabled", engine.isAuthorizationEnabled());
        camunda.put("metricsEnabled", engine.isMetricsEnabled());
        camunda.put("taskMetricsEnabled", engine.isTaskMetricsEnabled());
        camunda.put("dbMetricsReporterActivate", engine.isDbMetricsReporterActivate());
        camunda.put("jobExecutorActivate", engine.isJobExecutorActivate());
        camunda.put("jobExecutorDeploymentAware", engine.isJobExecutorDeploymentAware());
        camunda.put("jobExecutorAcquireByDueDate", engine.isJobExecutorAcquireByDueDate());
        camunda.put("jobExecutorAcquireByPriority", engine.isJobExecutorAcquireByPriority());
        camunda.put("jobExecutorPreferTimerJobs", engine.isJobExecutorPreferTimerJobs());
        JobExecutor jobs = engine.getJobExecutor();
        if (jobs != null) {
            Map<String, Object> executor = new LinkedHashMap<>();
            executor.put("class", jobs.getClass().getSimpleName());
            executor.put("active", jobs.isActive());
            executor.put("maxJobsPerAcquisition", jobs.getMaxJobsPerAcquisition());
            executor.put("waitTimeInMillis", jobs.getWaitTimeInMillis());
            executor.put("maxWait", jobs.getMaxWait());
            executor.put("lockTimeInMillis", jobs.getLockTimeInMillis());
            executor.put("backoffTimeInMillis", jobs.getBackoffTimeInMillis());
            executor.put("maxBackoff", jobs.getMaxBackoff());
            if (jobs instanceof SpringJobExecutor spring
                    && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool2) {
                executor.put("corePoolSize", pool2.getCorePoolSize());
                executor.put("maxPoolSize", pool2.getMaxPoolSize());
                executor.put("queueCapacity", pool2.getQueueCapacity());
            }
            camunda.put("jobExecutor", executor);
        }
        out.put("camunda", camunda);

        AbstractProtocol<?> protocol = sampler.tomcatProtocol();
        if (protocol != null) {
            Map<String, Object> tomcat = new LinkedHashMap<>();
            tomcat.put("maxThreads", protocol.getMaxThreads());
            tomcat.put("minSpareThreads", protocol.getMinSpareThreads());
            tomcat.put("maxConnections", protocol.getMaxConnections());
            tomcat.put("acceptCount", protocol.getAcceptCount());
            tomcat.put("keepAliveTimeoutMs", protocol.getKeepAliveTimeout());
            if (protocol instanceof AbstractHttp11Protocol<?> http) {
                tomcat.put("maxKeepAliveRequests", http.getMaxKeepAliveRequests());
            }
            out.put("tomcat", tomcat);
        }

        Map<String, Object> jvm = new LinkedHashMap<>();
        Runtime runtime = Runtime.getRuntime();
        jvm.put("javaVersion", System.getProperty("java.version"));
        jvm.put("availableProcessors", runtime.availableProcessors());
        jvm.put("maxHeapMb", runtime.maxMemory() / (1024 * 1024));
        jvm.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        jvm.put("inputArguments", arguments);
        out.put("jvm", jvm);
        return out;
    }
}

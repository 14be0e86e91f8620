package io.flowdesk.benchmark;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast the engine alone starts the ticket process: a bare copy of {@code processes/inquiry.bpmn}
 * ({@link EngineBoundModel}) started {@code count} times on {@code threads} threads with the variables a real
 * ticket process gets. No ticket row, no HTTP, no routing or SLA code; the engine plugins Flowdesk installs for
 * every user task (assignment by workload, task priority, timeline) still run, and find no ticket.
 */
@Component
@Profile("benchmark")
class EngineBound {

    static final String SOURCE_RESOURCE = "processes/inquiry.bpmn";
    static final String SOURCE_KEY = "inquiry";
    static final String KEY = "inquiryEngineBound";

    private static final Logger log = LoggerFactory.getLogger(EngineBound.class);
    private static final String[] GROUPS = {"finance", "tech", "support"};
    private static final String[] SKILLS = {"invoice", "troubleshooting", null};
    private static final String[] SUBJECTS = {"发票抬头错误，需要重新开具 invoice", "打印机无法连接 Wi-Fi", "咨询会员积分规则"};

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final AtomicLong sequence = new AtomicLong();

    EngineBound(RepositoryService repositoryService, RuntimeService runtimeService) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
    }

    /** Deploys the bare copy once (a later call finds it deployed). */
    synchronized ProcessDefinition deploy() {
        ProcessDefinition existing = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult();
        if (existing != null) {
            return existing;
        }
        BpmnModelInstance model;
        try (InputStream in = new ClassPathResource(SOURCE_RESOURCE).getInputStream()) {
            model = EngineBoundModel.bareCopy(in, SOURCE_KEY, KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        repositoryService.createDeployment().name("flowdesk-benchmark").source("benchmark")
                .addString(KEY + ".bpmn", Bpmn.convertToString(model)).deploy();
        ProcessDefinition deployed = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult();
        log.info("Benchmark: deployed the bare copy of {} as {}", SOURCE_RESOURCE, deployed.getId());
        return deployed;
    }

    Map<String, Object> run(int count, int threads, int warmup) throws InterruptedException {
        ProcessDefinition definition = deploy();
        if (warmup > 0) {
            startAll(warmup, Math.min(threads, warmup));
        }
        Result result = startAll(count, threads);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("processDefinitionId", definition.getId());
        out.put("count", count);
        out.put("threads", threads);
        out.put("warmup", warmup);
        out.put("ok", result.ok);
        out.put("errors", result.errors);
        out.put("firstError", result.firstError);
        out.put("seconds", result.seconds);
        out.put("startsPerSecond", result.ok / result.seconds);
        out.put("latencyMs", result.latencyMs);
        return out;
    }

    private record Result(int ok, int errors, String firstError, double seconds, Map<String, Double> latencyMs) {
    }

    private Result startAll(int count, int threads) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> firstError = new ArrayList<>();
        long[][] latencies = new long[threads][];
        int[] done = new int[threads];
        CountDownLatch finished = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            latencies[t] = new long[count];
            Thread worker = new Thread(() -> {
                try {
                    while (next.getAndIncrement() < count) {
                        long n = sequence.incrementAndGet();
                        String businessKey = String.format("EB-%07d", n);
                        long before = System.nanoTime();
                        try {
                            runtimeService.startProcessInstanceByKey(KEY, businessKey, variables(businessKey, n));
                            latencies[thread][done[thread]++] = System.nanoTime() - before;
                        } catch (RuntimeException e) {
                            if (errors.incrementAndGet() == 1) {
                                synchronized (firstError) {
                                    firstError.add(e.toString());
                                }
                                log.warn("Benchmark: engine-bound start failed", e);
                            }
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "engine-bound-" + t);
            worker.start();
        }
        finished.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        int ok = Arrays.stream(done).sum();
        long[] all = new long[ok];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, done[t]);
            at += done[t];
        }
        Arrays.sort(all);
        Map<String, Double> latency = new LinkedHashMap<>();
        latency.put("p50", percentileMs(all, 50));
        latency.put("p95", percentileMs(all, 95));
        latency.put("p99", percentileMs(all, 99));
        latency.put("max", all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        return new Result(ok, errors.get(), firstError.isEmpty() ? null : firstError.get(0), seconds, latency);
    }

    private static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** The variables {@code TicketVariables.of} gives a ticket process, plus the routing table's skill. */
    private static Map<String, Object> variables(String number, long n) {
        int kind = (int) (n % 3);
        Map<String, Object> variables = new HashMap<>();
        variables.put("ticketNumber", number);
        variables.put("group", GROUPS[kind]);
        variables.put("subject", SUBJECTS[kind] + " #" + n);
        variables.put("description", "订单 SO-" + n + "，客户来电说明情况，请尽快处理。");
        variables.put("customerName", "客户" + n);
        variables.put("customerContact", "customer" + n + "@example.com · 13800000000 · standard · via web");
        variables.put("priority", "normal");
        variables.put("accepted", false);
        variables.put("requiredSkill", SKILLS[kind]);
        return variables;
    }
}

package io.flowdesk.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the clients do: open tickets over the REST API, and work tickets' tasks through the engine REST API. */
final class Workloads {

    static final String PASSWORD = "demo";
    static final String ALICE = Http.basic("alice", PASSWORD);

    private static final String[] CHANNELS = {"web", "email", "api", "phone"};
    private static final Map<String, String> AUTH = new java.util.concurrent.ConcurrentHashMap<>();

    /** Variables an agent submits on each task of the inquiry process (field keys of its Camunda Forms). */
    static final Map<String, byte[]> FORM = Map.of(
            "acceptInquiry", bytes("{\"variables\":{\"priority\":{\"value\":\"normal\"}}}"),
            "handleInquiry", bytes("{\"variables\":{\"nextStep\":{\"value\":\"reply\"}}}"),
            "replyToCustomer", bytes("{\"variables\":{\"publicReply\":{\"value\":\"您好，问题已处理，请确认是否解决。\"}}}"),
            // not resolved: the ticket reopens and goes back to 处理咨询, so the backlog stays the same size
            "confirmResolution", bytes("{\"variables\":{\"customerConfirmation\":{\"value\":\"not_resolved\"}}}"));

    private final AtomicLong sequence;

    Workloads(AtomicLong sequence) {
        this.sequence = sequence;
    }

    static String auth(String user) {
        return AUTH.computeIfAbsent(user, u -> Http.basic(u, PASSWORD));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A ticket as a customer-facing form or another system sends it. One in three is about an invoice, one in three
     * a connection fault, the rest ordinary questions; every seventh customer is VIP; the channel rotates. Its
     * category sends it to one of the twenty departments in turn ({@link Departments}), unless the phase asks for
     * a category of its own (sla-demo).
     */
    static byte[] createBody(long n, String category) {
        String subject;
        String description;
        switch ((int) (n % 3)) {
            case 0 -> {
                subject = "发票抬头错误，请重新开具 invoice #" + n;
                description = "订单 SO-" + n + " 的增值税发票抬头写错了，需要作废后重新开具。";
            }
            case 1 -> {
                subject = "打印机无法连接 Wi-Fi #" + n;
                description = "型号 P-200，连不上公司网络，重启路由器后仍然报错。";
            }
            default -> {
                subject = "咨询会员积分规则 #" + n;
                description = "请问积分多久过期，能否转赠给家人？";
            }
        }
        String cat = category != null ? category : Departments.of(n);
        String tier = n % 7 == 0 ? "vip" : "standard";
        String json = "{\"type\":\"inquiry\",\"subject\":\"" + subject + "\",\"description\":\"" + description
                + "\",\"channel\":\"" + CHANNELS[(int) (n % 4)] + "\",\"priority\":\"normal\",\"category\":\"" + cat
                + "\",\"customer\":{\"name\":\"客户" + n + "\",\"email\":\"customer" + n
                + "@example.com\",\"phone\":\"138" + String.format("%08d", n % 100_000_000) + "\",\"tier\":\"" + tier
                + "\"},\"fields\":{\"orderNumber\":\"SO-" + n + "\"}}";
        return bytes(json);
    }

    /**
     * A ticket of one of the shipped types with the custom fields that type requires, as its start form or another
     * system sends it (inquiry: {@link #createBody}).
     */
    static byte[] createBodyOf(String type, long n) {
        if (type.equals("inquiry")) {
            return createBody(n, null);
        }
        String fields = switch (type) {
            case "return-refund" -> "\"orderNumber\":\"SO-" + n + "\",\"returnReason\":\"damaged\",\"refundAmount\":199";
            case "refund-request" -> "\"orderNumber\":\"SO-" + n + "\",\"refundAmount\":88.5";
            case "technical-fault" -> "\"productModel\":\"LJ-2200\",\"faultCode\":\"E" + (n % 90 + 10) + "\"";
            case "complaint" -> "\"complaintCategory\":\"delivery\",\"orderNumber\":\"SO-" + n + "\"";
            default -> throw new IllegalArgumentException("no request body for ticket type " + type);
        };
        String json = "{\"type\":\"" + type + "\",\"subject\":\"" + type + " 工单 #" + n
                + "\",\"description\":\"订单 SO-" + n + " 的问题，请尽快处理。\",\"channel\":\"" + CHANNELS[(int) (n % 4)]
                + "\",\"priority\":\"normal\",\"customer\":{\"name\":\"客户" + n + "\",\"email\":\"customer" + n
                + "@example.com\",\"tier\":\"" + (n % 7 == 0 ? "vip" : "standard") + "\"},\"fields\":{" + fields + "}}";
        return bytes(json);
    }

    /** Clients that each open tickets of one type (POST /api/tickets as alice), expecting 201. */
    Load.OpFactory createsOf(String type) {
        return (client, window) -> http -> http.send("POST", "/api/tickets", ALICE,
                createBodyOf(type, sequence.incrementAndGet()), true);
    }

    /** Clients that each open tickets (POST /api/tickets as alice), expecting 201. */
    Load.OpFactory creates(String category) {
        return (client, window) -> http -> http.send("POST", "/api/tickets", ALICE,
                createBody(sequence.incrementAndGet(), category), true);
    }

    Load.ClientOp oneCreate() {
        return http -> http.send("POST", "/api/tickets", ALICE, createBody(sequence.incrementAndGet(), null), true);
    }

    record TicketRef(String number, String group) {
    }

    /**
     * Clients that each work their own share of the given tickets, round-robin: look up the ticket's open task as an
     * agent of the ticket's department (GET /engine-rest/task?processInstanceBusinessKey=…), then complete it as its
     * assignee, or as that agent if nobody has it (POST /engine-rest/task/{id}/submit-form), expecting 204. Tickets go
     * 受理 → 处理 → 反馈 → 回访 (not resolved: reopened) → 处理 → …, so they all stay open.
     */
    static Load.OpFactory completions(List<TicketRef> tickets, int clients) {
        return new Load.OpFactory() {
            @Override
            public Load.ClientOp create(int client, Load.Window window) {
                List<TicketRef> mine = new ArrayList<>();
                for (int i = client; i < tickets.size(); i += clients) {
                    mine.add(tickets.get(i));
                }
                return new CompletionOp(mine, window);
            }

            @Override
            public Map<String, Object> merge(List<Object> extras) {
                Map<String, Integer> kinds = new TreeMap<>();
                List<Latencies> lookups = new ArrayList<>();
                List<Latencies> submits = new ArrayList<>();
                int noTask = 0;
                for (Object extra : extras) {
                    if (extra instanceof CompletionOp op) {
                        op.kinds.forEach((k, v) -> kinds.merge(k, v, Integer::sum));
                        lookups.add(op.lookup);
                        submits.add(op.submit);
                        noTask += op.noTask;
                    }
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("tickets", tickets.size());
                out.put("completedByTask", kinds);
                out.put("lookupLatency", Latencies.merge(lookups).summary());
                out.put("submitFormLatency", Latencies.merge(submits).summary());
                out.put("ticketsWithoutWorkTask", noTask);
                return out;
            }
        };
    }

    private static final class CompletionOp implements Load.ClientOp {
        final List<TicketRef> mine;
        final Load.Window window;
        final Map<String, Integer> kinds = new TreeMap<>();
        final Latencies lookup = new Latencies();
        final Latencies submit = new Latencies();
        int next;
        int noTask;

        CompletionOp(List<TicketRef> mine, Load.Window window) {
            this.mine = mine;
            this.window = window;
        }

        @Override
        public int requests() {
            return 2;
        }

        @Override
        public Object extra() {
            return this;
        }

        @Override
        public int run(Http http) throws IOException {
            if (mine.isEmpty()) {
                throw new IllegalStateException("no tickets for this client");
            }
            TicketRef ticket = mine.get(next++ % mine.size());
            String agent = Departments.memberOf(ticket.group());
            long t0 = System.nanoTime();
            int status = http.send("GET", "/engine-rest/task?processInstanceBusinessKey=" + ticket.number(),
                    auth(agent), null, true);
            long t1 = System.nanoTime();
            if (status != 200) {
                return status;
            }
            String taskId = null;
            String key = null;
            String assignee = null;
            for (Object o : Json.array(http.body())) {
                Map<?, ?> task = (Map<?, ?>) o;
                Object k = task.get("taskDefinitionKey");
                if (k != null && FORM.containsKey(k.toString())) {
                    taskId = (String) task.get("id");
                    key = k.toString();
                    assignee = (String) task.get("assignee");
                    break;
                }
            }
            if (taskId == null) {
                noTask++;
                return 0;
            }
            String user = assignee != null ? assignee : agent;
            status = http.send("POST", "/engine-rest/task/" + taskId + "/submit-form", auth(user), FORM.get(key), true);
            long t2 = System.nanoTime();
            if (window.contains(t2) && status == 204) {
                lookup.add(t1 - t0);
                submit.add(t2 - t1);
                kinds.merge(key, 1, Integer::sum);
            }
            return status;
        }
    }
}

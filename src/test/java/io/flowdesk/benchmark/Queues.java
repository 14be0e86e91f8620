package io.flowdesk.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agents looking at their department's queue, the way they do all day: Tasklist's "我组的工单 My department's
 * queue" (the shared filter's own query through engine REST: its first page of 15 tasks, newest first, and its count)
 * and the API's list of the department's tickets ({@code GET /api/tickets?group=…}, first page of 20). Each look is
 * by the agent of the next department in the client's turn (client i of n: departments i, i + n, …, of
 * {@link Departments#COUNT}); each request is timed on its own.
 */
final class Queues {

    static final byte[] FIRST_PAGE_NEWEST_FIRST = Workloads.bytes(
            "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");

    private Queues() {
    }

    static Load.OpFactory looks(String queueFilterId, int clients) {
        return new Load.OpFactory() {
            @Override
            public Load.ClientOp create(int client, Load.Window window) {
                return new QueueOp(client, clients, queueFilterId, window);
            }

            @Override
            public Map<String, Object> merge(List<Object> extras) {
                List<Latencies> lists = new ArrayList<>();
                List<Latencies> counts = new ArrayList<>();
                List<Latencies> tickets = new ArrayList<>();
                long queued = 0;
                long looks = 0;
                for (Object extra : extras) {
                    if (extra instanceof QueueOp op) {
                        lists.add(op.list);
                        counts.add(op.count);
                        tickets.add(op.tickets);
                        queued += op.queued;
                        looks += op.looks;
                    }
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("tasklistQueueLatency", Latencies.merge(lists).summary());
                out.put("tasklistCountLatency", Latencies.merge(counts).summary());
                out.put("apiGroupListLatency", Latencies.merge(tickets).summary());
                out.put("averageQueueLength", looks == 0 ? 0 : queued / looks);
                return out;
            }
        };
    }

    private static final class QueueOp implements Load.ClientOp {
        final int client;
        final int clients;
        final String filterId;
        final Load.Window window;
        final Latencies list = new Latencies();
        final Latencies count = new Latencies();
        final Latencies tickets = new Latencies();
        long queued;
        long looks;
        long turn;

        QueueOp(int client, int clients, String filterId, Load.Window window) {
            this.client = client;
            this.clients = clients;
            this.filterId = filterId;
            this.window = window;
        }

        @Override
        public int requests() {
            return 3;
        }

        @Override
        public Object extra() {
            return this;
        }

        @Override
        public int run(Http http) throws IOException {
            String department = Departments.of(client + turn++ * clients);
            String auth = Workloads.auth(Departments.agentOf(department));
            long t0 = System.nanoTime();
            int status = http.send("POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
                    auth, FIRST_PAGE_NEWEST_FIRST, false);
            long t1 = System.nanoTime();
            if (status != 200) {
                return status;
            }
            status = http.send("GET", "/engine-rest/filter/" + filterId + "/count", auth, null, true);
            long t2 = System.nanoTime();
            if (status != 200) {
                return status;
            }
            long inQueue = ((Number) Json.object(http.body()).get("count")).longValue();
            status = http.send("GET", "/api/tickets?group=" + department + "&size=20&page=0", auth, null, false);
            long t3 = System.nanoTime();
            if (window.contains(t3) && status == 200) {
                list.add(t1 - t0);
                count.add(t2 - t1);
                tickets.add(t3 - t2);
                queued += inQueue;
                looks++;
            }
            return status;
        }
    }
}

package io.flowdesk.database;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.database.RunningFlowdesk.Answer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spine end to end on one database, as users work it: a ticket created over our REST API, another started
 * through engine REST, tasks claimed and completed through engine REST exactly as Tasklist does, and all of it
 * still there after a restart. Each database (H2 file, MySQL/MariaDB) runs it in a subclass.
 */
abstract class TicketsOnARealDatabaseTest {

    /** Spring properties that point the application at this test's database. */
    abstract Map<String, Object> database();

    abstract String[] profiles();

    @Test
    void a_ticket_is_worked_to_closed_across_a_restart_and_nothing_is_deployed_twice() {
        String number;
        String fromEngineRest;
        try (RunningFlowdesk flowdesk = RunningFlowdesk.start(database(), profiles())) {
            Answer created = flowdesk.post("alice", "/api/tickets", """
                    {"type":"inquiry","subject":"发票抬头开错了","description":"请重开发票","channel":"email",
                     "priority":"high","customer":{"name":"王五","email":"wang@example.com","tier":"vip"},
                     "fields":{"orderNumber":"SO-3003"}}""");
            assertThat(created.status()).isEqualTo(201);
            number = created.body().get("number").asText();
            assertThat(rowVersion(flowdesk, number)).as("written once, with what its process start decided")
                    .isZero();

            Answer started = flowdesk.post("bob", "/engine-rest/process-definition/key/inquiry/start", """
                    {"businessKey":"ERP-42","variables":{"subject":{"value":"系统对接测试"},
                     "customerName":{"value":"赵六"}}}""");
            assertThat(started.status()).isEqualTo(200);
            fromEngineRest = started.body().get("businessKey").asText();

            JsonNode routed = flowdesk.get("fiona", "/api/tickets/" + number).body();
            assertThat(routed.get("group").asText()).as("an invoice question is for finance").isEqualTo("finance");
            assertThat(routed.get("assignee").asText()).isIn("fiona", "frank");
            assertThat(routed.at("/sla/1/state").asText()).isEqualTo("running");

            workCurrentTask(flowdesk, number, "{\"priority\":{\"value\":\"urgent\"}}");
            workCurrentTask(flowdesk, number, "{\"nextStep\":{\"value\":\"reply\"},"
                    + "\"internalNote\":{\"value\":\"已联系财务\"}}");
            workCurrentTask(flowdesk, number, "{\"publicReply\":{\"value\":\"发票已重开，请查收\"}}");
            assertThat(flowdesk.get("fiona", "/api/tickets/" + number).body().get("status").asText())
                    .isEqualTo("resolved");
        }

        try (RunningFlowdesk flowdesk = RunningFlowdesk.start(database(), profiles())) {
            JsonNode survived = flowdesk.get("fiona", "/api/tickets/" + number).body();
            assertThat(survived.get("status").asText()).isEqualTo("resolved");
            assertThat(survived.get("priority").asText()).isEqualTo("urgent");
            assertThat(survived.at("/fields/orderNumber").asText()).isEqualTo("SO-3003");
            assertThat(survived.at("/currentTasks/0/key").asText()).isEqualTo("confirmResolution");

            workCurrentTask(flowdesk, number, "{\"customerConfirmation\":{\"value\":\"confirmed\"}}");

            JsonNode closed = flowdesk.get("fiona", "/api/tickets/" + number).body();
            assertThat(closed.get("status").asText()).isEqualTo("closed");
            assertThat(closed.get("closedAt").asText()).isNotBlank();
            assertThat(statusChanges(closed)).containsExactly("in_progress", "resolved", "closed");
            assertThat(closed.get("currentTasks")).isEmpty();

            assertThat(flowdesk.get("alice", "/api/tickets/" + fromEngineRest).body()
                    .get("externalReference").asText()).isEqualTo("ERP-42");
            assertThat(flowdesk.get("admin", "/engine-rest/deployment/count?name=flowdesk-models").body()
                    .get("count").asInt()).as("an unchanged restart deploys nothing").isEqualTo(1);
        }
    }

    @Test
    void tickets_opened_at_once_get_numbers_of_their_own_also_after_a_restart() throws Exception {
        Set<String> numbers = new HashSet<>();
        try (RunningFlowdesk flowdesk = RunningFlowdesk.start(database(), profiles())) {
            numbers.addAll(openAtOnce(flowdesk, 80)); // more than two blocks of ids, taken by 8 threads
            for (String number : numbers) {
                assertThat(rowVersion(flowdesk, number)).as(number).isZero();
            }
        }
        try (RunningFlowdesk flowdesk = RunningFlowdesk.start(database(), profiles())) {
            List<String> after = openAtOnce(flowdesk, 8);
            assertThat(after).doesNotContainAnyElementsOf(numbers);
            numbers.addAll(after);
            assertThat(numbers).hasSize(88);
            for (String number : numbers) {
                assertThat(flowdesk.get("tom", "/api/tickets/" + number).body().at("/sla/0/state").asText())
                        .as(number).isEqualTo("running");
            }
        }
    }

    private static List<String> openAtOnce(RunningFlowdesk flowdesk, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(clients.submit(() -> flowdesk.post("alice", "/api/tickets", """
                        {"type":"inquiry","subject":"打印机无法连接 %d","channel":"web",
                         "customer":{"name":"客户 %d","email":"c%d@example.com"}}""".formatted(n, n, n))));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(201);
                numbers.add(answer.get().body().get("number").asText());
            }
            assertThat(new HashSet<>(numbers)).hasSize(count);
            return numbers;
        } finally {
            clients.shutdown();
        }
    }

    /** The row's optimistic-lock version: 0 until it is written a second time. */
    private static long rowVersion(RunningFlowdesk flowdesk, String number) {
        return flowdesk.jdbc().queryForObject("select version from ticket where id = ?", Long.class,
                Long.parseLong(number.substring("TK-".length())));
    }

    /**
     * What an agent does in Tasklist: open the ticket's task (routing already assigned it to them), fill in its
     * form, complete it.
     */
    private static void workCurrentTask(RunningFlowdesk flowdesk, String number, String variables) {
        JsonNode task = flowdesk.get("admin", "/api/tickets/" + number).body().at("/currentTasks/0");
        String taskId = task.get("id").asText();
        String agent = task.get("assignee").asText();
        assertThat(flowdesk.post(agent, "/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":" + variables + "}").status()).isEqualTo(204);
    }

    private static List<String> statusChanges(JsonNode ticket) {
        List<String> statuses = new ArrayList<>();
        ticket.get("timeline").forEach(entry -> {
            if ("STATUS_CHANGED".equals(entry.get("type").asText())) {
                statuses.add(entry.get("to").asText());
            }
        });
        return statuses;
    }
}

package io.flowdesk.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowdesk.outbox.OutboxDispatcher;
import io.flowdesk.sla.SlaClocks;
import io.flowdesk.sla.SlaTarget;
import io.flowdesk.webhook.WebhookReceiver.Received;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27, item 7, acceptance: a webhook receiver that was down gets every event once it is back, in order, signed.
 * Real ticket events (opened, replied, worked to closed through the API), a real HTTP receiver in the test's JVM, and
 * the outbox's dispatcher called by the test (it does not run by itself in tests), with the engine clock moved to
 * each retry's due time instead of waiting for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebhookDeliveryTest {

    @Autowired OutboxDispatcher dispatcher;
    @Autowired SlaClocks slaClocks;
    @Autowired ObjectMapper json;
    private final Desk desk;
    private final List<Long> registered = new ArrayList<>();

    WebhookDeliveryTest(@Autowired TestRestTemplate http) {
        desk = new Desk(http);
    }

    @AfterEach
    void deleteWebhooksWithdrawTicketsAndResetTheClock(@Autowired RuntimeService engine) {
        registered.forEach(desk::delete);
        desk.withdrawOpened(engine);
        ClockUtil.reset();
    }

    @Test
    void a_receiver_that_was_down_gets_every_event_once_it_is_back_in_order_per_ticket_and_signed() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.down()) {
            JsonNode webhook = register(receiver.url(), Desk.ALL_EVENTS);
            String first = desk.open();
            String second = desk.open();
            desk.reply("tom", first, "请重启路由器后再试");
            desk.reply("tom", second, "已收到，正在处理");
            desk.complete(first, "acceptInquiry", "{}");
            desk.complete(first, "handleInquiry", "{\"nextStep\":\"reply\"}");
            desk.complete(first, "replyToCustomer", "{\"publicReply\":\"已远程修复，请确认\"}");
            desk.complete(first, "confirmResolution", "{\"customerConfirmation\":\"confirmed\"}");

            List<Duration> waits = new ArrayList<>();
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(dispatcher.dispatchDue().failed()).as("one attempt per round while the receiver is down")
                        .isEqualTo(1);
                JsonNode failed = onlyFailed(webhook);
                assertThat(failed.get("attempts").asInt()).isEqualTo(attempt);
                Instant last = Instant.parse(failed.get("lastAttemptAt").asText());
                Instant next = Instant.parse(failed.get("nextAttemptAt").asText());
                waits.add(Duration.between(last, next));
                moveClockTo(next.plusSeconds(1));
            }
            assertThat(waits).as("back-off doubles from flowdesk.outbox.retry-base")
                    .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40));
            assertThat(receiver.accepted()).isEmpty();

            receiver.comeBack();
            dispatcher.dispatchDue();

            List<Received> accepted = receiver.accepted();
            assertThat(accepted).extracting(Received::eventId).doesNotHaveDuplicates();
            assertThat(desk.deliveries(webhook.get("id").asLong(), null)).as("every delivery went, none is left")
                    .hasSize(accepted.size()).allSatisfy(delivery ->
                            assertThat(delivery.get("status").asText()).isEqualTo("delivered"));
            Map<String, List<String>> perTicket = eventsPerTicket(accepted);
            assertThat(perTicket.get(first)).containsExactly("ticket.created", "ticket.replied",
                    "ticket.status_changed new→in_progress", "ticket.replied",
                    "ticket.status_changed in_progress→resolved", "ticket.status_changed resolved→closed",
                    "ticket.closed resolved→closed");
            assertThat(perTicket.get(second)).containsExactly("ticket.created", "ticket.replied");
            String secret = webhook.get("secret").asText();
            for (Received received : receiver.received()) {
                assertThat(received.signedWith(secret)).as("signature of " + received.body()).isTrue();
                assertThat(received.signedWith("another secret entirely")).isFalse();
            }
        }
    }

    @Test
    void an_event_carries_the_ticket_as_its_transaction_left_it_and_what_changed() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            register(receiver.url(), "[\"ticket.created\",\"ticket.replied\"]");
            String number = desk.open();
            desk.reply("tom", number, "请重启路由器后再试");

            dispatcher.dispatchDue();

            List<JsonNode> events = new ArrayList<>();
            for (Received received : receiver.accepted()) {
                events.add(json.readTree(received.body()));
            }
            assertThat(events).extracting(event -> event.get("type").asText())
                    .containsExactly("ticket.created", "ticket.replied");
            JsonNode created = events.get(0);
            assertThat(created.get("id").asText()).isEqualTo(receiver.accepted().get(0).eventId());
            assertThat(created.get("occurredAt").asText()).isNotBlank();
            assertThat(created.at("/ticket/number").asText()).isEqualTo(number);
            assertThat(created.at("/ticket/type").asText()).isEqualTo("inquiry");
            assertThat(created.at("/ticket/status").asText()).isEqualTo("new");
            assertThat(created.at("/ticket/group").asText()).as("routed in the same transaction").isEqualTo("tech");
            assertThat(created.at("/ticket/assignee").asText()).isEqualTo("tom");
            assertThat(created.at("/ticket/customer/name").asText()).isEqualTo("张三");
            assertThat(created.at("/ticket/fields/orderNumber").asText()).isEqualTo("SO-1001");
            assertThat(created.at("/change/by").asText()).isEqualTo("alice");
            JsonNode replied = events.get(1);
            assertThat(replied.at("/change/kind").asText()).isEqualTo("PUBLIC_REPLY");
            assertThat(replied.at("/change/by").asText()).isEqualTo("tom");
            assertThat(replied.at("/change/body").asText()).isEqualTo("请重启路由器后再试");
        }
    }

    @Test
    void a_webhook_gets_only_the_events_it_subscribed_to_an_sla_breach_among_them() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            register(receiver.url(), "[\"ticket.sla_breached\",\"ticket.closed\"]");
            String number = desk.open();
            desk.reply("tom", number, "处理中");
            slaClocks.breach(number, SlaTarget.FIRST_RESPONSE);

            dispatcher.dispatchDue();

            assertThat(receiver.accepted()).singleElement().satisfies(received -> {
                assertThat(received.eventType()).isEqualTo("ticket.sla_breached");
                assertThat(json.readTree(received.body()).at("/ticket/number").asText()).isEqualTo(number);
                assertThat(json.readTree(received.body()).at("/change/summary").asText()).startsWith("firstResponse");
            });
        }
    }

    @Test
    void an_administrator_sees_a_failing_webhook_and_has_its_failed_deliveries_retried_at_once() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.down()) {
            JsonNode webhook = register(receiver.url(), "[\"ticket.created\",\"ticket.replied\"]");
            long id = webhook.get("id").asLong();
            String number = desk.open();
            desk.reply("tom", number, "稍等");
            dispatcher.dispatchDue();

            JsonNode listed = listed(id);
            assertThat(listed.get("failing").asLong()).isEqualTo(1);
            assertThat(listed.get("pending").asLong()).as("the reply waits behind the failed creation").isEqualTo(1);
            assertThat(listed.has("secret")).as("the secret is shown once, on registration").isFalse();
            JsonNode failed = onlyFailed(webhook);
            assertThat(failed.get("ticketNumber").asText()).isEqualTo(number);
            assertThat(failed.get("eventType").asText()).isEqualTo("ticket.created");
            assertThat(failed.get("lastError").asText()).isEqualTo("HTTP 503");
            assertThat(desk.deliveries(id, "pending")).extracting(delivery -> delivery.get("eventType").asText())
                    .containsExactly("ticket.replied");
            assertThat(desk.post("alice", "/api/webhooks/" + id + "/deliveries/retry", "{}").getStatusCode().value())
                    .isEqualTo(403);

            receiver.comeBack();
            JsonNode retried = desk.post("admin", "/api/webhooks/" + id + "/deliveries/retry", "{}").getBody();
            assertThat(retried.get("rescheduled").asInt()).isEqualTo(1);
            dispatcher.dispatchDue();

            assertThat(receiver.accepted()).extracting(Received::eventType)
                    .containsExactly("ticket.created", "ticket.replied");
            assertThat(desk.deliveries(id, "failed")).isEmpty();
            assertThat(desk.deliveries(id, "delivered")).hasSize(2).first().satisfies(delivery -> {
                assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
                assertThat(delivery.get("deliveredAt").asText()).isNotBlank();
            });
            assertThat(listed(id).get("failing").asLong()).isZero();
        }
    }

    private JsonNode register(String url, String events) {
        JsonNode webhook = desk.register(url, events);
        registered.add(webhook.get("id").asLong());
        return webhook;
    }

    private JsonNode onlyFailed(JsonNode webhook) {
        List<JsonNode> failed = desk.deliveries(webhook.get("id").asLong(), "failed");
        assertThat(failed).hasSize(1);
        return failed.get(0);
    }

    private JsonNode listed(long id) {
        for (JsonNode webhook : desk.get("admin", "/api/webhooks").getBody()) {
            if (webhook.get("id").asLong() == id) {
                return webhook;
            }
        }
        throw new AssertionError("webhook " + id + " is not listed");
    }

    /** Each ticket's events in the order received: type, and for a status change from→to. */
    private Map<String, List<String>> eventsPerTicket(List<Received> received) throws Exception {
        Map<String, List<String>> perTicket = new LinkedHashMap<>();
        for (Received one : received) {
            JsonNode event = json.readTree(one.body());
            assertThat(event.get("type").asText()).isEqualTo(one.eventType());
            String change = event.at("/change/kind").asText().equals("STATUS_CHANGED")
                    ? " " + event.at("/change/from").asText() + "→" + event.at("/change/to").asText() : "";
            perTicket.computeIfAbsent(event.at("/ticket/number").asText(), number -> new ArrayList<>())
                    .add(event.get("type").asText() + change);
        }
        return perTicket;
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}

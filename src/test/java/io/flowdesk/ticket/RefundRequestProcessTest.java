package io.flowdesk.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.routing.AgentProfiles;
import io.flowdesk.security.TestViewers;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.TicketViews.SlaView;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Instant;
import java.util.Map;

import static io.flowdesk.ticket.EngineClock.MONDAY_OPENING;
import static io.flowdesk.ticket.EngineClock.setClock;
import static io.flowdesk.ticket.TicketTimeline.assertHeldBy;
import static io.flowdesk.ticket.TicketTimeline.clock;
import static io.flowdesk.ticket.TicketTimeline.handOffs;
import static io.flowdesk.ticket.TicketTimeline.lastHandOff;
import static io.flowdesk.ticket.TicketTimeline.statusChanges;
import static io.flowdesk.ticket.TicketTimeline.steps;
import static io.flowdesk.ticket.TicketTimeline.types;
import static io.flowdesk.ticket.TicketsOverHttp.fieldsOf;
import static io.flowdesk.ticket.TicketsOverHttp.handOffs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * Every path through processes/refund-request.bpmn with the ticket it drives: support reviews the request; an
 * approved refund is handed to finance, which pays it, and back to support, which tells the customer (resolved) and
 * closes the ticket; a rejection tells the customer why and closes it. The SLA timers warn, breach to support's
 * supervisors and escalate to managers, also while finance holds the ticket. Time moves with the engine clock, from a
 * Monday morning in Shanghai business hours (09:00-12:00, 13:30-18:00). The last tests walk a request through the
 * REST API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(EngineClock.class)
class RefundRequestProcessTest {

    static final String TYPE = "refund-request";
    /** The departments that work a refund request, with the agent who claims a task no one was assigned. */
    static final Map<String, String> AGENT_OF = Map.of("support", "alice", "finance", "fiona");

    @Autowired RuntimeService runtimeService;
    @Autowired AgentProfiles agentProfiles;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TicketService ticketService;
    @Autowired TicketQueries queries;
    @Autowired TestRestTemplate http;

    private TicketLookup tickets;
    private DepartmentAgents agents;
    private Escalations escalations;
    private TicketsOverHttp api;

    @BeforeEach
    void setUp() {
        tickets = new TicketLookup(TYPE, runtimeService, queries);
        agents = new DepartmentAgents(taskService, identityService, AGENT_OF);
        escalations = new Escalations(taskService);
        api = new TicketsOverHttp(http, AGENT_OF);
    }

    @Test
    void an_approved_refund_is_paid_by_finance_then_support_tells_the_customer_and_the_ticket_closes() {
        String number = openRefundRequest("申请退款：重复扣款", "同一订单扣了两次");
        ProcessInstance instance = tickets.processOf(number);

        assertThat(instance).isWaitingAt("reviewRefundRequest");
        assertThat(task(instance)).as("routed to support, not to finance by the word 退款")
                .hasCandidateGroupAssociated("support");
        TicketDetails opened = tickets.details(number);
        assertThat(opened.status()).isEqualTo("new");
        assertThat(opened.group()).isEqualTo("support");
        assertThat(opened.fields()).containsEntry("orderNumber", "SO-4001").containsEntry("refundAmount", "88.50");
        assertThat(opened.sla()).extracting(SlaView::state).containsOnly("running");

        agents.work(instance, Map.of("refundDecision", "approved", "priority", "high", "internalNote", "确认重复扣款"));

        assertThat(instance).isWaitingAt("payRefund");
        assertThat(task(instance)).hasCandidateGroupAssociated("finance");
        assertThat(task(instance).getAssignee()).isIn("fiona", "frank");
        TicketDetails atFinance = tickets.details(number);
        assertThat(atFinance.status()).isEqualTo("in_progress");
        assertThat(atFinance.priority()).isEqualTo(Priority.high);
        assertHeldBy(atFinance, "finance", task(instance).getAssignee());
        assertThat(lastHandOff(atFinance)).isEqualTo("support → finance at 财务打款");
        assertThat(clock(atFinance, "firstResponse").state()).as("the review is the first response").isEqualTo("met");
        assertThat(tickets.numbersOf("finance")).contains(number);

        agents.work(instance, Map.of("paymentReference", "PAY-20260302-7"));

        assertThat(instance).isWaitingAt("notifyCustomer");
        assertThat(task(instance)).hasCandidateGroupAssociated("support");
        TicketDetails paid = tickets.details(number);
        assertThat(paid.status()).as("paid: resolved while support tells the customer").isEqualTo("resolved");
        assertThat(paid.resolvedAt()).isNotNull();
        assertHeldBy(paid, "support", task(instance).getAssignee());
        assertThat(lastHandOff(paid)).isEqualTo("finance → support at 通知客户");
        assertThat(runtimeService.getVariable(instance.getId(), "paymentReference")).as("the form shows it")
                .isEqualTo("PAY-20260302-7");
        assertThat(clock(paid, "resolution").state()).as("met when the customer is told").isEqualTo("running");

        agents.work(instance, Map.of("publicReply", "您的退款 88.50 元已原路退回，预计 1-3 个工作日到账。"));

        assertThat(instance).isEnded().hasPassed("refundCompleted", "refundClosed").hasNotPassed("refundRejected");
        TicketDetails closed = tickets.details(number);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.currentTasks()).isEmpty();
        assertThat(closed.sla()).extracting(SlaView::state).containsOnly("met");
        assertThat(closed.firstResponseAt()).isEqualTo(MONDAY_OPENING);
        assertThat(statusChanges(closed)).containsExactly("in_progress", "resolved", "closed");
        assertThat(steps(closed)).containsExactly("审核退款申请", "财务打款", "通知客户");
        assertThat(handOffs(closed)).containsExactly("support → finance at 财务打款", "finance → support at 通知客户");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("PUBLIC_REPLY")).singleElement()
                .satisfies(e -> assertThat(e.body()).contains("88.50"));
    }

    @Test
    void a_rejected_refund_request_tells_the_customer_why_and_closes_without_finance() {
        String number = openRefundRequest("申请退款", "不想要了，已使用一个月");
        ProcessInstance instance = tickets.processOf(number);

        agents.work(instance, Map.of("refundDecision", "rejected", "internalNote", "超过退款期限"));

        assertThat(instance).isWaitingAt("explainRefundRejection").hasNotPassed("payRefund");
        assertThat(task(instance)).hasCandidateGroupAssociated("support");
        TicketDetails rejecting = tickets.details(number);
        assertThat(rejecting.status()).isEqualTo("in_progress");
        assertHeldBy(rejecting, "support", task(instance).getAssignee());

        agents.work(instance, Map.of("publicReply", "很抱歉，订单已超过 30 天退款期限，无法退款。"));

        assertThat(instance).isEnded().hasPassed("rejectionExplained", "refundRejected")
                .hasNotPassed("payRefund", "notifyCustomer", "refundClosed");
        TicketDetails closed = tickets.details(number);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(statusChanges(closed)).as("closed straight after the rejection, never resolved")
                .containsExactly("in_progress", "closed");
        assertThat(handOffs(closed)).as("finance never held it").isEmpty();
        assertThat(steps(closed)).containsExactly("审核退款申请", "告知拒绝原因");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("PUBLIC_REPLY")).singleElement()
                .satisfies(e -> assertThat(e.body()).contains("30 天"));
        assertThat(closed.sla()).extracting(SlaView::state).containsOnly("met");
    }

    @Test
    void a_refund_request_nobody_reviews_is_warned_then_breached_raised_to_urgent_and_sent_to_supports_supervisors() {
        String number = openRefundRequest("退款进度", "申请三天了");
        ProcessInstance instance = tickets.processOf(number);
        SlaView firstResponse = clock(tickets.details(number), "firstResponse");
        assertThat(firstResponse.dueAt()).as("4 working hours, after the lunch break")
                .isEqualTo(Instant.parse("2026-03-02T06:30:00Z"));

        setClock(firstResponse.warningAt());
        execute(job("firstResponseWarningDue", instance));
        assertThat(clock(tickets.details(number), "firstResponse").state()).isEqualTo("warned");
        assertThat(task("reviewRefundRequest", instance).getPriority()).isGreaterThanOrEqualTo(90);

        setClock(firstResponse.dueAt());
        execute(job("firstResponseDue", instance));

        TicketDetails breached = tickets.details(number);
        assertThat(breached.priority()).isEqualTo(Priority.urgent);
        assertThat(clock(breached, "firstResponse").state()).isEqualTo("breached");
        assertThat(instance).isWaitingAt("reviewRefundRequest", "supervisorsFollowUpLateFirstResponse");
        assertThat(escalations.task(number, Escalations.LATE_FIRST_RESPONSE)).hasCandidateGroupAssociated("support-supervisors");
        DepartmentAgents.assertAssignedUnlessFull(escalations.task(number, Escalations.LATE_FIRST_RESPONSE), "sam", agentProfiles);
        assertThat(breached.group()).isEqualTo("support");
        assertThat(types(breached)).contains("SLA_WARNING", "SLA_BREACHED", "PRIORITY_CHANGED");

        agents.work(instance, Map.of("refundDecision", "rejected"));
        agents.work(instance, Map.of("publicReply", "订单未发货前已取消，款项已自动退回。"));
        assertThat(instance).as("closing the ticket cancels the supervisors' task").isEnded();
        assertThat(clock(tickets.details(number), "firstResponse").state()).isEqualTo("breached");
    }

    @Test
    void a_refund_finance_leaves_unpaid_breaches_its_resolution_target_support_supervisors_then_managers_step_in() {
        String number = openRefundRequest("退款一直没到账", "审核通过后没有打款");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(instance, Map.of("refundDecision", "approved"));
        assertThat(instance).isWaitingAt("payRefund");
        String financeAgent = task(instance).getAssignee();
        SlaView resolution = clock(tickets.details(number), "resolution");

        setClock(resolution.warningAt());
        execute(job("resolutionWarningDue", instance));
        assertThat(tickets.details(number).timeline()).filteredOn(e -> e.type().equals("SLA_WARNING")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("resolution", financeAgent));

        setClock(resolution.dueAt());
        execute(job("resolutionDue", instance));
        assertThat(instance).isWaitingAt("payRefund", "supervisorsFollowUpBreach");
        assertThat(escalations.task(number, Escalations.RESOLUTION_BREACHED))
                .as("the supervisors of the department that owns the request")
                .hasCandidateGroupAssociated("support-supervisors");
        DepartmentAgents.assertAssignedUnlessFull(escalations.task(number, Escalations.RESOLUTION_BREACHED), "sam", agentProfiles);
        TicketDetails breached = tickets.details(number);
        assertThat(breached.priority()).isEqualTo(Priority.urgent);
        assertThat(task("payRefund", instance).getPriority()).isEqualTo(100);
        assertHeldBy(breached, "finance", financeAgent);

        setClock(job("resolutionSecondLevelDue", instance).getDuedate().toInstant());
        execute(job("resolutionSecondLevelDue", instance));
        assertThat(instance).isWaitingAt("payRefund", "supervisorsFollowUpBreach", "managersFollowUpBreach");
        assertThat(escalations.task(number, Escalations.BREACH_PERSISTS)).hasCandidateGroupAssociated("managers");
        DepartmentAgents.assertAssignedUnlessFull(escalations.task(number, Escalations.BREACH_PERSISTS), "mia", agentProfiles);
        assertThat(types(tickets.details(number))).containsSubsequence("SLA_WARNING", "SLA_BREACHED", "SLA_ESCALATED");

        agents.complete(escalations.task(number, Escalations.RESOLUTION_BREACHED), "support-supervisors",
                Map.of("internalNote", "已催财务部"));
        agents.work(instance, Map.of("paymentReference", "PAY-LATE-1"));
        agents.work(instance, Map.of("publicReply", "退款已打出，抱歉久等。"));
        assertThat(instance).as("closing the ticket cancels the managers' task").isEnded().hasPassed("refundClosed");
        assertThat(clock(tickets.details(number), "resolution").state()).isEqualTo("breached");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void the_type_is_listed_with_its_fields_and_refuses_a_request_without_order_number_or_amount() {
        JsonNode type = api.listedType("alice", TYPE);
        assertThat(type).as(TYPE + " is listed").isNotNull();
        assertThat(type.get("name").asText()).isEqualTo("退款申请工单");
        assertThat(type.get("defaultGroup").asText()).isEqualTo("support");
        assertThat(type.get("description").asText()).contains("财务部打款", "finance");
        assertThat(fieldsOf(type)).containsExactly("orderNumber:text:required", "refundAmount:number:required");

        ResponseEntity<JsonNode> refused = api.post("alice", "/api/tickets", """
                {"type":"refund-request","subject":"退款","customer":{"name":"李四"},"fields":{"refundAmount":"一百"}}""");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").toString()).contains("fields.orderNumber", "fields.refundAmount");
    }

    @Test
    void a_refund_request_opened_through_the_api_is_walked_to_closed_by_support_and_finance() {
        ResponseEntity<JsonNode> created = api.post("alice", "/api/tickets", """
                {"type":"refund-request","subject":"申请退款：订单取消","description":"订单已取消，请退款",
                 "channel":"email","priority":"normal",
                 "customer":{"name":"周八","email":"zhou@example.com","tier":"standard"},
                 "fields":{"orderNumber":"SO-6001","refundAmount":"120"}}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = created.getBody().get("number").asText();
        assertThat(created.getBody().get("group").asText()).isEqualTo("support");

        api.complete(number, "reviewRefundRequest", "support", """
                {"variables":{"refundDecision":"approved","internalNote":"订单确已取消"}}""");
        JsonNode atFinance = api.ticket("fiona", number);
        assertThat(atFinance.get("group").asText()).isEqualTo("finance");
        assertThat(api.ticket("alice", number).get("group").asText()).as("support still sees where it went")
                .isEqualTo("finance");

        api.complete(number, "payRefund", "finance", """
                {"variables":{"paymentReference":"PAY-API-1"}}""");
        JsonNode resolved = api.ticket("alice", number);
        assertThat(resolved.get("group").asText()).isEqualTo("support");
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(api.ticket("fiona", number).get("group").asText()).as("finance, which held it, still sees it")
                .isEqualTo("support");

        api.complete(number, "notifyCustomer", "support", """
                {"variables":{"publicReply":"退款 120 元已打出。"}}""");

        JsonNode closed = api.ticket("alice", number);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("currentTasks")).isEmpty();
        assertThat(handOffs(closed)).containsExactly("support → finance at 财务打款", "finance → support at 通知客户");
    }

    private String openRefundRequest(String subject, String description) {
        return ticketService.create(new CreateTicketRequest(TYPE, subject, description, Channel.web, Priority.normal,
                null, new CustomerDetails("李四", "li@example.com", null, "standard", null),
                Map.of("orderNumber", "SO-4001", "refundAmount", "88.50")), TestViewers.ALICE).number();
    }
}

package io.flowdesk.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.routing.AgentProfiles;
import io.flowdesk.security.TestViewers;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.TicketViews.SlaView;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * Every path through processes/return-refund.bpmn with the ticket it drives: support accepts the return, the
 * warehouse checks the goods, support approves (finance refunds, then the shared customer confirmation) or rejects
 * (the customer is told why, the ticket closes); the ticket follows each department and comes back; a customer who
 * is not satisfied reopens it to support's review; a silent one lets it close after 7 days; the SLA timers warn,
 * breach to support's supervisors and escalate to managers. Time moves with the engine clock, from a Monday morning
 * in Shanghai business hours (09:00-12:00, 13:30-18:00). The last tests walk a return through the REST API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(EngineClock.class)
class ReturnRefundProcessTest {

    static final String TYPE = "return-refund";
    /** The departments that work a return, with the agent who claims a task no one was assigned. */
    static final Map<String, String> AGENT_OF = Map.of("support", "alice", "warehouse", "wendy", "finance", "fiona");

    @Autowired RuntimeService runtimeService;
    @Autowired AgentProfiles agentProfiles;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
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
    void a_return_accepted_checked_approved_refunded_and_confirmed_follows_each_department_and_closes() {
        String number = openReturn("耳机左耳没有声音", "收到的耳机左耳无声", "damaged");
        ProcessInstance instance = tickets.processOf(number);

        assertThat(instance).isWaitingAt("acceptReturnRequest");
        assertThat(task(instance)).as("routed to support").hasCandidateGroupAssociated("support");
        TicketDetails opened = tickets.details(number);
        assertThat(opened.status()).isEqualTo("new");
        assertThat(opened.group()).isEqualTo("support");
        assertThat(opened.fields()).containsEntry("orderNumber", "SO-3001").containsEntry("returnReason", "damaged")
                .containsEntry("refundAmount", "199.00");
        assertThat(opened.sla()).as("SLA clocks started").extracting(SlaView::state).containsOnly("running");

        agents.work(instance,
                Map.of("priority", "normal", "publicReply", "请将耳机寄回：上海市仓库 3 号门", "internalNote", "已核对订单"));

        assertThat(instance).isWaitingAt("checkQuality");
        assertThat(task(instance)).hasCandidateGroupAssociated("warehouse").isAssignedTo("wendy");
        TicketDetails atWarehouse = tickets.details(number);
        assertThat(atWarehouse.status()).isEqualTo("in_progress");
        assertHeldBy(atWarehouse, "warehouse", "wendy");
        assertThat(lastHandOff(atWarehouse)).isEqualTo("support → warehouse at 质检");
        assertThat(clock(atWarehouse, "firstResponse").state()).as("acceptance is the first response").isEqualTo("met");
        assertThat(tickets.numbersOf("warehouse")).contains(number);

        agents.work(instance, Map.of("inspectionResult", "passed", "internalNote", "包装完好，左耳单元故障"));

        assertThat(instance).isWaitingAt("reviewReturn");
        TicketDetails backAtSupport = tickets.details(number);
        assertHeldBy(backAtSupport, "support", task(instance).getAssignee());
        assertThat(lastHandOff(backAtSupport)).isEqualTo("warehouse → support at 审批退货");
        assertThat(runtimeService.getVariable(instance.getId(), "inspectionResult")).as("the review form shows it")
                .isEqualTo("passed");

        agents.work(instance, Map.of("returnDecision", "approved"));

        assertThat(instance).isWaitingAt("payRefund");
        assertThat(task(instance)).hasCandidateGroupAssociated("finance");
        assertThat(task(instance).getAssignee()).isIn("fiona", "frank");
        TicketDetails atFinance = tickets.details(number);
        assertHeldBy(atFinance, "finance", task(instance).getAssignee());
        assertThat(lastHandOff(atFinance)).isEqualTo("support → finance at 退款");
        assertThat(tickets.numbersOf("finance")).contains(number);

        agents.work(instance, Map.of("refundReference", "RF-20260302-001"));

        assertThat(instance).isWaitingAt("confirmWithCustomer").hasPassed("refundPaid");
        ProcessInstance confirmation = calledProcessInstance("customerConfirmation", instance);
        assertThat(confirmation).isWaitingAt("confirmResolution");
        assertThat(confirmation.getBusinessKey()).as("the shared step runs under the ticket's number").isEqualTo(number);
        TicketDetails confirming = tickets.details(number);
        assertThat(confirming.status()).as("the shared step resolves the ticket").isEqualTo("resolved");
        assertThat(confirming.resolvedAt()).isNotNull();
        assertThat(clock(confirming, "resolution").state()).as("refunded: the work is done").isEqualTo("met");
        assertHeldBy(confirming, "support", task(confirmation).getAssignee());
        assertThat(lastHandOff(confirming)).isEqualTo("finance → support at 回访确认");
        assertThat(confirming.currentTasks()).extracting(TicketViews.TaskView::key).containsExactly("confirmResolution");

        agents.work(instance, Map.of("customerConfirmation", "confirmed"));

        assertThat(instance).isEnded().hasPassed("returnClosed").hasNotPassed("returnRejected", "returnReopened");
        TicketDetails closed = tickets.details(number);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.currentTasks()).isEmpty();
        assertThat(closed.sla()).extracting(SlaView::state).containsOnly("met");
        assertThat(closed.firstResponseAt()).isEqualTo(MONDAY_OPENING);
        assertThat(steps(closed)).containsExactly("受理退货申请", "质检", "审批退货", "退款", "回访确认");
        assertThat(handOffs(closed)).containsExactly("support → warehouse at 质检", "warehouse → support at 审批退货",
                "support → finance at 退款", "finance → support at 回访确认");
        assertThat(statusChanges(closed)).containsExactly("in_progress", "resolved", "closed");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("PUBLIC_REPLY")).singleElement()
                .satisfies(e -> assertThat(e.body()).isEqualTo("请将耳机寄回：上海市仓库 3 号门"));
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("INTERNAL_NOTE")).extracting(TimelineEntry::body)
                .containsExactly("已核对订单", "包装完好，左耳单元故障");
    }

    @Test
    void a_return_that_fails_the_quality_check_and_is_rejected_tells_the_customer_why_and_closes() {
        String number = openReturn("衣服不想要了", "吊牌已剪", "no_longer_needed");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(instance, Map.of("priority", "normal"));
        agents.work(instance, Map.of("inspectionResult", "failed", "inspectionFailureReason", "吊牌已剪，衣物有穿着痕迹"));

        assertThat(instance).isWaitingAt("reviewReturn");
        assertThat(runtimeService.getVariable(instance.getId(), "inspectionFailureReason"))
                .isEqualTo("吊牌已剪，衣物有穿着痕迹");
        agents.work(instance, Map.of("returnDecision", "rejected", "internalNote", "不符合七天无理由退货条件"));

        assertThat(instance).isWaitingAt("explainReturnRejection").hasNotPassed("payRefund");
        assertThat(task(instance)).as("support tells the customer, finance is not involved")
                .hasCandidateGroupAssociated("support");
        assertHeldBy(tickets.details(number), "support", task(instance).getAssignee());
        assertThat(tickets.details(number).status()).isEqualTo("in_progress");

        agents.work(instance, Map.of("publicReply", "很抱歉，商品吊牌已剪且有穿着痕迹，不符合退货条件。"));

        assertThat(instance).isEnded().hasPassed("rejectionExplained", "returnRejected")
                .hasNotPassed("confirmWithCustomer", "returnClosed");
        TicketDetails closed = tickets.details(number);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.closedAt()).isNotNull();
        assertThat(statusChanges(closed)).as("closed straight after the rejection, never resolved")
                .containsExactly("in_progress", "closed");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("PUBLIC_REPLY")).singleElement()
                .satisfies(e -> assertThat(e.body()).startsWith("很抱歉"));
        assertThat(steps(closed)).containsExactly("受理退货申请", "质检", "审批退货", "告知拒绝原因");
        assertThat(handOffs(closed)).containsExactly("support → warehouse at 质检", "warehouse → support at 审批退货");
        assertThat(clock(closed, "resolution").state()).as("the customer has the answer").isEqualTo("met");
        assertThat(historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId()).count())
                .as("no customer confirmation after a rejection").isZero();
    }

    @Test
    void a_customer_who_is_not_satisfied_reopens_the_return_back_to_supports_review_with_a_fresh_clock() {
        String number = openReturn("退款金额不对", "少退了运费", "wrong_item");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(instance, Map.of("priority", "normal"));
        agents.work(instance, Map.of("inspectionResult", "passed"));
        agents.work(instance, Map.of("returnDecision", "approved"));
        agents.work(instance, Map.of("refundReference", "RF-1"));
        assertThat(instance).isWaitingAt("confirmWithCustomer");

        Instant reopenedAt = Instant.parse("2026-03-03T02:00:00Z");
        setClock(reopenedAt);
        agents.work(instance, Map.of("customerConfirmation", "not_resolved", "internalNote", "客户说运费 12 元没有退"));

        assertThat(instance).isWaitingAt("reviewReturn").hasPassed("returnReopened");
        assertThat(runtimeService.getVariable(instance.getId(), "returnDecision"))
                .as("the review asks for a decision afresh").isNull();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("checkQuality").count()).as("the goods are not checked again").isEqualTo(1);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("acceptReturnRequest").count()).as("nor accepted again").isEqualTo(1);
        TicketDetails reopened = tickets.details(number);
        assertThat(reopened.status()).isEqualTo("in_progress");
        assertHeldBy(reopened, "support", task(instance).getAssignee());
        assertThat(clock(reopened, "resolution").state()).isEqualTo("running");
        assertThat(clock(reopened, "resolution").startedAt()).isEqualTo(reopenedAt);
        assertThat(types(reopened)).contains("SLA_RESTARTED");

        agents.work(instance, Map.of("returnDecision", "approved", "internalNote", "补退运费"));
        assertThat(instance).isWaitingAt("payRefund");
        assertThat(tickets.details(number).group()).isEqualTo("finance");
        agents.work(instance, Map.of("refundReference", "RF-2"));

        assertThat(instance).isWaitingAt("confirmWithCustomer");
        ProcessInstance secondConfirmation = calledProcessInstance("customerConfirmation", instance);
        assertThat(runtimeService.getVariable(secondConfirmation.getId(), "customerConfirmation"))
                .as("the form does not offer the last answer").isNull();
        agents.work(instance, Map.of("customerConfirmation", "confirmed"));

        assertThat(instance).isEnded().hasPassed("returnClosed");
        TicketDetails closed = tickets.details(number);
        assertThat(statusChanges(closed)).containsExactly("in_progress", "resolved", "reopened", "in_progress",
                "resolved", "closed");
        assertThat(steps(closed)).containsExactly("受理退货申请", "质检", "审批退货", "退款", "回访确认", "审批退货",
                "退款", "回访确认");
        assertThat(handOffs(closed)).containsExactly("support → warehouse at 质检", "warehouse → support at 审批退货",
                "support → finance at 退款", "finance → support at 回访确认", "support → finance at 退款",
                "finance → support at 回访确认");
    }

    @Test
    void a_customer_who_stays_silent_for_seven_days_after_the_refund_lets_the_shared_step_close_the_ticket() {
        String number = openReturn("发错颜色", "要黑色发了白色", "wrong_item");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(instance, Map.of("priority", "low"));
        agents.work(instance, Map.of("inspectionResult", "passed"));
        agents.work(instance, Map.of("returnDecision", "approved"));
        agents.work(instance, Map.of("refundReference", "RF-3"));
        ProcessInstance confirmation = calledProcessInstance("customerConfirmation", instance);
        assertThat(confirmation).isWaitingAt("confirmResolution");

        Instant refundedAt = ClockUtil.now().toInstant();
        assertThat(job("customerSilentForSevenDays", confirmation))
                .hasDueDate(Date.from(refundedAt.plus(Duration.ofDays(7))));
        setClock(refundedAt.plus(Duration.ofDays(7)).plusSeconds(1));
        execute(job("customerSilentForSevenDays", confirmation));

        assertThat(confirmation).isEnded().hasPassed("customerStayedSilent");
        assertThat(instance).isEnded().hasPassed("returnClosed").hasNotPassed("returnReopened");
        TicketDetails closed = tickets.details(number);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.currentTasks()).isEmpty();
        assertThat(closed.timeline()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("STATUS_CHANGED");
            assertThat(e.to()).isEqualTo("closed");
            assertThat(e.actor()).isEqualTo("system");
        });
        assertThat(steps(closed)).as("nobody confirmed").doesNotContain("回访确认");
    }

    @Test
    void a_return_nobody_accepts_is_warned_then_breached_raised_to_urgent_and_sent_to_supports_supervisors() {
        String number = openReturn("包裹破损", "外箱压坏", "damaged");
        ProcessInstance instance = tickets.processOf(number);
        SlaView firstResponse = clock(tickets.details(number), "firstResponse");
        assertThat(firstResponse.warningAt()).as("75 % of 240 working minutes: the morning")
                .isEqualTo(Instant.parse("2026-03-02T04:00:00Z"));

        setClock(firstResponse.warningAt());
        execute(job("firstResponseWarningDue", instance));
        assertThat(clock(tickets.details(number), "firstResponse").state()).isEqualTo("warned");
        assertThat(task("acceptReturnRequest", instance).getPriority()).isGreaterThanOrEqualTo(90);

        setClock(firstResponse.dueAt());
        execute(job("firstResponseDue", instance));

        TicketDetails breached = tickets.details(number);
        assertThat(breached.priority()).isEqualTo(Priority.urgent);
        assertThat(clock(breached, "firstResponse").state()).isEqualTo("breached");
        assertThat(instance).isWaitingAt("acceptReturnRequest", "supervisorsFollowUpLateFirstResponse");
        assertThat(escalations.task(number, Escalations.LATE_FIRST_RESPONSE)).hasCandidateGroupAssociated("support-supervisors");
        DepartmentAgents.assertAssignedUnlessFull(escalations.task(number, Escalations.LATE_FIRST_RESPONSE), "sam", agentProfiles);
        assertThat(breached.group()).as("the supervisors' task does not move the ticket").isEqualTo("support");
        assertThat(breached.assignee()).isEqualTo(task("acceptReturnRequest", instance).getAssignee());
        assertThat(types(breached)).contains("SLA_WARNING", "SLA_BREACHED", "PRIORITY_CHANGED");

        agents.complete(escalations.task(number, Escalations.LATE_FIRST_RESPONSE), "support-supervisors",
                Map.of("internalNote", "已提醒 bob"));
        assertThat(instance).isWaitingAt("acceptReturnRequest").hasPassed("lateFirstResponseSupervised");
        assertThat(tickets.details(number).timeline()).filteredOn(e -> e.type().equals("INTERNAL_NOTE")).singleElement()
                .satisfies(e -> assertThat(e.body()).isEqualTo("已提醒 bob"));
    }

    @Test
    void a_return_stuck_at_the_warehouse_breaches_its_resolution_target_support_supervisors_then_managers_step_in() {
        String number = openReturn("商品与描述不符", "颜色偏差大", "not_as_described");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(instance, Map.of("priority", "normal"));
        assertThat(instance).isWaitingAt("checkQuality");
        SlaView resolution = clock(tickets.details(number), "resolution");

        setClock(resolution.warningAt());
        execute(job("resolutionWarningDue", instance));
        assertThat(clock(tickets.details(number), "resolution").state()).isEqualTo("warned");
        assertThat(tickets.details(number).timeline()).filteredOn(e -> e.type().equals("SLA_WARNING")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("resolution", "wendy"));

        setClock(resolution.dueAt());
        execute(job("resolutionDue", instance));
        assertThat(instance).isWaitingAt("checkQuality", "supervisorsFollowUpBreach");
        assertThat(escalations.task(number, Escalations.RESOLUTION_BREACHED)).as("the supervisors of the department that owns the return")
                .hasCandidateGroupAssociated("support-supervisors");
        DepartmentAgents.assertAssignedUnlessFull(escalations.task(number, Escalations.RESOLUTION_BREACHED), "sam", agentProfiles);
        TicketDetails breached = tickets.details(number);
        assertThat(breached.priority()).isEqualTo(Priority.urgent);
        assertThat(task("checkQuality", instance).getPriority()).isEqualTo(100);
        assertHeldBy(breached, "warehouse", "wendy");

        Instant secondLevel = job("resolutionSecondLevelDue", instance).getDuedate().toInstant();
        setClock(secondLevel);
        execute(job("resolutionSecondLevelDue", instance));
        assertThat(instance).isWaitingAt("checkQuality", "supervisorsFollowUpBreach", "managersFollowUpBreach");
        assertThat(escalations.task(number, Escalations.BREACH_PERSISTS)).hasCandidateGroupAssociated("managers");
        DepartmentAgents.assertAssignedUnlessFull(escalations.task(number, Escalations.BREACH_PERSISTS), "mia", agentProfiles);
        assertThat(types(tickets.details(number))).containsSubsequence("SLA_WARNING", "SLA_BREACHED", "SLA_ESCALATED");
        assertThat(tickets.details(number).group()).isEqualTo("warehouse");

        agents.work(instance, Map.of("inspectionResult", "passed"));
        agents.work(instance, Map.of("returnDecision", "rejected"));
        agents.work(instance, Map.of("publicReply", "经核实颜色在描述范围内，无法退货。"));
        assertThat(instance).as("closing the ticket cancels the open escalation tasks").isEnded()
                .hasPassed("returnRejected");
        assertThat(clock(tickets.details(number), "resolution").state()).isEqualTo("breached");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void the_type_is_listed_with_its_fields_and_refuses_a_return_without_order_number_or_a_known_reason() {
        JsonNode type = api.listedType("alice", TYPE);
        assertThat(type).as(TYPE + " is listed").isNotNull();
        assertThat(type.get("name").asText()).isEqualTo("退货退款工单");
        assertThat(type.get("defaultGroup").asText()).isEqualTo("support");
        assertThat(type.get("description").asText()).contains("质检", "quality", "finance");
        assertThat(fieldsOf(type)).containsExactly("orderNumber:text:required", "returnReason:choice:required",
                "refundAmount:number");

        ResponseEntity<JsonNode> refused = api.post("alice", "/api/tickets", """
                {"type":"return-refund","subject":"退货","customer":{"name":"钱七"},
                 "fields":{"returnReason":"too_expensive","refundAmount":"很多"}}""");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").toString()).contains("fields.orderNumber", "fields.returnReason",
                "fields.refundAmount");
    }

    @Test
    void a_return_opened_through_the_api_is_walked_to_closed_by_each_departments_agent() {
        ResponseEntity<JsonNode> created = api.post("alice", "/api/tickets", """
                {"type":"return-refund","subject":"鞋码不合适，申请退货","description":"42 码偏小",
                 "channel":"web","priority":"normal","category":"returns",
                 "customer":{"name":"钱七","email":"qian@example.com","tier":"standard"},
                 "fields":{"orderNumber":"SO-5001","returnReason":"no_longer_needed","refundAmount":"259.00"}}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = created.getBody().get("number").asText();
        assertThat(created.getBody().get("group").asText()).isEqualTo("support");
        assertThat(created.getBody().get("status").asText()).isEqualTo("new");

        api.complete(number, "acceptReturnRequest", "support", """
                {"variables":{"priority":"normal","publicReply":"请寄回商品，收到后质检。"}}""");
        JsonNode atWarehouse = api.ticket("wendy", number);
        assertThat(atWarehouse.get("group").asText()).isEqualTo("warehouse");
        assertThat(atWarehouse.get("status").asText()).isEqualTo("in_progress");
        assertThat(api.ticket("alice", number).get("group").asText()).as("support still sees where it went")
                .isEqualTo("warehouse");

        api.complete(number, "checkQuality", "warehouse", """
                {"variables":{"inspectionResult":"passed"}}""");
        assertThat(api.ticket("alice", number).get("group").asText()).isEqualTo("support");

        api.complete(number, "reviewReturn", "support", """
                {"variables":{"returnDecision":"approved"}}""");
        assertThat(api.ticket("fiona", number).get("group").asText()).isEqualTo("finance");

        api.complete(number, "payRefund", "finance", """
                {"variables":{"refundReference":"RF-API-1"}}""");
        JsonNode resolved = api.ticket("alice", number);
        assertThat(resolved.get("group").asText()).isEqualTo("support");
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");

        api.complete(number, "confirmResolution", "support", """
                {"variables":{"customerConfirmation":"confirmed"}}""");

        JsonNode closed = api.ticket("alice", number);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("currentTasks")).isEmpty();
        assertThat(closed.get("fields").get("orderNumber").asText()).isEqualTo("SO-5001");
        assertThat(handOffs(closed)).containsExactly("support → warehouse at 质检", "warehouse → support at 审批退货",
                "support → finance at 退款", "finance → support at 回访确认");
    }

    private String openReturn(String subject, String description, String reason) {
        return ticketService.create(new CreateTicketRequest(TYPE, subject, description, Channel.web, Priority.normal,
                null, new CustomerDetails("张三", "zhang@example.com", null, "standard", null),
                Map.of("orderNumber", "SO-3001", "returnReason", reason, "refundAmount", "199.00")),
                TestViewers.ALICE).number();
    }
}

package io.flowdesk.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.security.TestViewers;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.TicketViews.SlaView;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.flowdesk.ticket.DemoAgents.assertOfferedTo;
import static io.flowdesk.ticket.EngineClock.MONDAY_OPENING;
import static io.flowdesk.ticket.EngineClock.setClock;
import static io.flowdesk.ticket.TicketTimeline.clock;
import static io.flowdesk.ticket.TicketTimeline.steps;
import static io.flowdesk.ticket.TicketTimeline.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

/**
 * Every path through processes/complaint.bpmn (投诉) with the ticket it drives: a senior agent accepts and handles it
 * and proposes a resolution with an optional compensation; the department's supervisors approve it, or a manager when
 * compensation-approval.dmn says the amount is above the supervisors' limit (the customer's tier read from the
 * ticket); a rejection goes back to the agent with its reason; the agent tells the customer; the shared customer
 * confirmation closes it, reopens it back to handling, or closes it after 7 days of silence; SLA timers; and one walk
 * through the REST API. Time moves with the engine clock, from a Monday morning in Shanghai business hours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(EngineClock.class)
class ComplaintProcessTest {

    /** The demo agents' groups (application.yml), to act as each of them. */
    static final Map<String, List<String>> GROUPS = Map.of(
            "alice", List.of("support"), "bob", List.of("support"), "sam", List.of("support-supervisors", "support"),
            "mia", List.of("managers"));

    /** The demo agent who takes a group's task from its queue. */
    static final Map<String, String> AGENT_OF = Map.of("support", "alice", "support-supervisors", "sam",
            "managers", "mia");

    /**
     * Agents of support with the skill senior (routing sends complaints to them), or nobody while both are at capacity
     * in this test context (the task waits in the queue).
     */
    static final List<String> SENIOR_AGENTS_OR_QUEUE = Arrays.asList("alice", "sam", null);

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TicketService ticketService;
    @Autowired TicketQueries queries;
    @Autowired TestRestTemplate http;

    private TicketLookup tickets;
    private DemoAgents agents;
    private Escalations escalations;
    private TicketsOverHttp api;

    @BeforeEach
    void setUp() {
        tickets = new TicketLookup("complaint", runtimeService, queries);
        agents = new DemoAgents(taskService, identityService, AGENT_OF, GROUPS);
        escalations = new Escalations(taskService);
        api = new TicketsOverHttp(http, AGENT_OF);
    }

    @Test
    void complaint_within_the_supervisors_limit_is_approved_by_them_told_confirmed_and_closed() {
        String number = openComplaint("快递员态度恶劣", "standard");
        ProcessInstance instance = tickets.processOf(number);

        assertThat(instance).isWaitingAt("acceptComplaint");
        TicketDetails opened = tickets.details(number);
        assertThat(opened.group()).isEqualTo("support");
        assertThat(opened.assignee()).as("routing asks for a senior agent").isIn(SENIOR_AGENTS_OR_QUEUE);
        assertThat(opened.status()).isEqualTo("new");
        assertThat(opened.fields()).containsEntry("complaintCategory", "delivery").containsEntry("orderNumber", "SO-3001");
        assertThat(runtimeService.getVariable(instance.getId(), "requiredSkill")).isEqualTo("senior");

        agents.work(number, "acceptComplaint", Map.of("publicReply", "您的投诉已受理，我们将在 24 小时内答复"));
        assertThat(instance).isWaitingAt("handleComplaint");
        assertThat(tickets.details(number).status()).isEqualTo("in_progress");
        assertThat(clock(tickets.details(number), "firstResponse").state()).isEqualTo("met");

        agents.work(number, "handleComplaint", Map.of("proposedResolution", "致歉并赠送优惠券", "compensationAmount", 200,
                "internalNote", "已核实快递员录音"));

        assertThat(instance).isWaitingAt("approveResolution");
        assertThat(runtimeService.getVariable(instance.getId(), "approver")).isEqualTo("supervisors");
        assertThat(runtimeService.getVariable(instance.getId(), "customerTier"))
                .as("the tier is read for the decision only").isNull();
        assertOfferedTo(agents.task("approveResolution", number), "support-supervisors", "sam");
        TicketDetails inApproval = tickets.details(number);
        assertThat(inApproval.group()).as("an approval by the supervisors does not move the ticket").isEqualTo("support");
        assertThat(inApproval.assignee()).isIn(SENIOR_AGENTS_OR_QUEUE);
        assertThat(types(inApproval)).doesNotContain("HANDED_OFF");

        agents.work(number, "approveResolution", Map.of("approvalDecision", "approved", "internalNote", "同意"));

        assertThat(instance).isWaitingAt("informCustomerOfResolution");
        agents.work(number, "informCustomerOfResolution", Map.of("publicReply", "非常抱歉，已向您发放 200 元优惠券"));

        assertThat(instance).isWaitingAt("confirmResolutionWithCustomer").hasPassed("complaintResolved");
        assertThat(calledProcessInstance(instance)).isWaitingAt("confirmResolution");
        TicketDetails resolved = tickets.details(number);
        assertThat(resolved.status()).isEqualTo("resolved");
        assertThat(clock(resolved, "resolution").state()).isEqualTo("met");

        agents.work(number, "confirmResolution", Map.of("customerConfirmation", "confirmed"));

        assertThat(instance).isEnded().hasPassed("complaintClosed").hasNotPassed("approveCompensation");
        TicketDetails closed = tickets.details(number);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.group()).isEqualTo("support");
        assertThat(closed.firstResponseAt()).isEqualTo(MONDAY_OPENING);
        assertThat(closed.sla()).extracting(SlaView::state).containsOnly("met");
        assertThat(steps(closed)).containsExactly("受理投诉", "处理投诉", "审批处理方案", "告知处理结果", "回访确认");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("PUBLIC_REPLY")).extracting(TimelineEntry::body)
                .containsExactly("您的投诉已受理，我们将在 24 小时内答复", "非常抱歉，已向您发放 200 元优惠券");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("STATUS_CHANGED"))
                .extracting(TimelineEntry::to).containsExactly("in_progress", "resolved", "closed");
        assertThat(types(closed)).doesNotContain("HANDED_OFF");
    }

    @Test
    void compensation_above_the_supervisors_limit_is_approved_by_a_manager_and_the_ticket_stays_with_support() {
        String number = openComplaint("商品与描述严重不符", "standard");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(number, "acceptComplaint", Map.of());
        agents.work(number, "handleComplaint", Map.of("proposedResolution", "全额退款并补偿", "compensationAmount", 800));

        assertThat(instance).isWaitingAt("approveCompensation");
        assertThat(runtimeService.getVariable(instance.getId(), "approver")).isEqualTo("managers");
        assertOfferedTo(agents.task("approveCompensation", number), "managers", "mia");
        TicketDetails inApproval = tickets.details(number);
        assertThat(inApproval.group()).as("the ticket shows the department doing the work").isEqualTo("support");
        assertThat(inApproval.currentTasks()).singleElement().satisfies(task -> {
            assertThat(task.name()).isEqualTo("审批补偿");
            assertThat(task.candidateGroups()).containsExactly("managers");
        });

        agents.work(number, "approveCompensation", Map.of("approvalDecision", "approved"));
        assertThat(instance).isWaitingAt("informCustomerOfResolution").hasNotPassed("approveResolution");
        assertThat(steps(tickets.details(number))).containsExactly("受理投诉", "处理投诉", "审批补偿");
    }

    @ParameterizedTest
    @CsvSource({"standard, 500, approveResolution", "standard, 500.5, approveCompensation",
            "vip, 800, approveResolution", "vip, 1000, approveResolution", "vip, 1200, approveCompensation"})
    void the_customers_tier_from_the_ticket_and_the_amount_decide_who_approves(String tier, double amount,
                                                                                String approvalStep) {
        String number = openComplaint("投诉处理太慢", tier);
        ProcessInstance instance = tickets.processOf(number);
        agents.work(number, "acceptComplaint", Map.of());
        agents.work(number, "handleComplaint", Map.of("proposedResolution", "补偿", "compensationAmount", amount));
        assertThat(instance).isWaitingAt(approvalStep);
    }

    @Test
    void complaint_without_a_compensation_amount_goes_to_the_supervisors() {
        String number = openComplaint("客服挂断电话", "standard");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(number, "acceptComplaint", Map.of());
        Map<String, Object> noAmount = new HashMap<>();
        noAmount.put("proposedResolution", "书面致歉");
        noAmount.put("compensationAmount", null); // an empty number field
        agents.work(number, "handleComplaint", noAmount);
        assertThat(instance).isWaitingAt("approveResolution");
    }

    @Test
    void a_rejected_resolution_goes_back_to_the_senior_agent_with_the_reason_and_is_proposed_again() {
        String number = openComplaint("账单重复扣费", "standard");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(number, "acceptComplaint", Map.of());
        agents.work(number, "handleComplaint", Map.of("proposedResolution", "退还重复扣费", "compensationAmount", 0));
        assertThat(instance).isWaitingAt("approveResolution");

        agents.work(number, "approveResolution", Map.of("approvalDecision", "rejected",
                "rejectionReason", "还应补偿客户的手续费", "internalNote", "方案不完整"));

        assertThat(instance).isWaitingAt("handleComplaint").hasNotPassed("informCustomerOfResolution");
        assertThat(runtimeService.getVariable(instance.getId(), "rejectionReason")).isEqualTo("还应补偿客户的手续费");
        assertThat(runtimeService.getVariable(instance.getId(), "proposedResolution"))
                .as("the form shows the last proposal to rework").isEqualTo("退还重复扣费");
        TicketDetails rejected = tickets.details(number);
        assertThat(rejected.status()).isEqualTo("in_progress");
        assertThat(rejected.group()).isEqualTo("support");
        assertThat(rejected.assignee()).isIn(SENIOR_AGENTS_OR_QUEUE);
        assertThat(agents.task("handleComplaint", number).getAssignee()).isIn(SENIOR_AGENTS_OR_QUEUE);
        assertThat(clock(rejected, "resolution").state()).as("the rework is part of the resolution").isEqualTo("running");

        agents.work(number, "handleComplaint", Map.of("proposedResolution", "退还重复扣费并补偿手续费", "compensationAmount", 30));
        assertThat(instance).isWaitingAt("approveResolution");
        assertThat(runtimeService.getVariable(instance.getId(), "rejectionReason"))
                .as("the approval form asks afresh").isNull();
        assertThat(runtimeService.getVariable(instance.getId(), "approvalDecision")).isNull();

        agents.work(number, "approveResolution", Map.of("approvalDecision", "approved"));
        agents.work(number, "informCustomerOfResolution", Map.of("publicReply", "已退还并补偿手续费"));
        agents.work(number, "confirmResolution", Map.of("customerConfirmation", "confirmed"));

        assertThat(instance).isEnded().hasPassed("complaintClosed");
        TicketDetails closed = tickets.details(number);
        assertThat(steps(closed)).containsExactly("受理投诉", "处理投诉", "审批处理方案", "处理投诉", "审批处理方案",
                "告知处理结果", "回访确认");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("INTERNAL_NOTE")).extracting(TimelineEntry::body)
                .containsExactly("方案不完整");
    }

    @Test
    void complaint_the_customer_says_is_not_resolved_reopens_at_handling_with_a_fresh_resolution_clock() {
        String number = openComplaint("维修后仍有问题", "vip");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(number, "acceptComplaint", Map.of());
        agents.work(number, "handleComplaint", Map.of("proposedResolution", "免费上门维修", "compensationAmount", 100));
        agents.work(number, "approveResolution", Map.of("approvalDecision", "approved"));
        agents.work(number, "informCustomerOfResolution", Map.of("publicReply", "明天上门维修"));

        Instant reopenedAt = Instant.parse("2026-03-03T02:00:00Z");
        setClock(reopenedAt);
        agents.work(number, "confirmResolution",
                Map.of("customerConfirmation", "not_resolved", "internalNote", "维修员未到"));

        assertThat(instance).isWaitingAt("handleComplaint").hasPassed("complaintReopened");
        TicketDetails reopened = tickets.details(number);
        assertThat(reopened.status()).isEqualTo("in_progress");
        assertThat(reopened.group()).isEqualTo("support");
        assertThat(clock(reopened, "resolution").state()).isEqualTo("running");
        assertThat(clock(reopened, "resolution").startedAt()).isEqualTo(reopenedAt);
        assertThat(reopened.timeline()).filteredOn(e -> e.type().equals("STATUS_CHANGED"))
                .extracting(TimelineEntry::to).containsExactly("in_progress", "resolved", "reopened", "in_progress");
        assertThat(steps(reopened)).as("acceptance is not repeated").containsOnlyOnce("受理投诉");
        assertThat(runtimeService.getVariable(instance.getId(), "customerConfirmation")).isNull();

        agents.work(number, "handleComplaint", Map.of("proposedResolution", "加急上门并补偿", "compensationAmount", 1500));
        assertThat(instance).as("a VIP's 1,500 is above the supervisors' limit").isWaitingAt("approveCompensation");
        agents.work(number, "approveCompensation", Map.of("approvalDecision", "approved"));
        agents.work(number, "informCustomerOfResolution", Map.of("publicReply", "已加急处理"));
        agents.work(number, "confirmResolution", Map.of("customerConfirmation", "confirmed"));
        assertThat(instance).isEnded().hasPassed("complaintClosed");
        assertThat(tickets.details(number).status()).isEqualTo("closed");
    }

    @Test
    void complaint_the_customer_leaves_unconfirmed_for_seven_days_closes_itself() {
        String number = openComplaint("包装破损", "standard");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(number, "acceptComplaint", Map.of());
        agents.work(number, "handleComplaint", Map.of("proposedResolution", "补发", "compensationAmount", 50));
        agents.work(number, "approveResolution", Map.of("approvalDecision", "approved"));
        agents.work(number, "informCustomerOfResolution", Map.of("publicReply", "已补发"));
        ProcessInstance confirmation = calledProcessInstance(instance);

        Instant toldAt = ClockUtil.now().toInstant();
        assertThat(job("customerSilentForSevenDays", confirmation)).hasDueDate(Date.from(toldAt.plus(Duration.ofDays(7))));
        setClock(toldAt.plus(Duration.ofDays(7)).plusSeconds(1));
        identityService.clearAuthentication();
        execute(job("customerSilentForSevenDays", confirmation));

        assertThat(confirmation).isEnded().hasPassed("customerStayedSilent");
        assertThat(instance).isEnded().hasPassed("complaintClosed").hasNotPassed("complaintReopened");
        TicketDetails closed = tickets.details(number);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.timeline()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("STATUS_CHANGED");
            assertThat(e.actor()).isEqualTo("system");
        });
    }

    @Test
    void an_unaccepted_complaint_is_warned_then_breached_and_sent_to_the_supervisors() {
        String number = openComplaint("多次投诉无人理", "standard");
        ProcessInstance instance = tickets.processOf(number);
        SlaView firstResponse = clock(tickets.details(number), "firstResponse");

        setClock(firstResponse.warningAt());
        execute(job("firstResponseWarningDue", instance));
        assertThat(clock(tickets.details(number), "firstResponse").state()).isEqualTo("warned");
        setClock(firstResponse.dueAt());
        execute(job("firstResponseDue", instance));

        assertThat(instance).isWaitingAt("acceptComplaint", "supervisorsFollowUpLateFirstResponse");
        assertOfferedTo(escalations.task(number, Escalations.LATE_FIRST_RESPONSE), "support-supervisors", "sam");
        TicketDetails breached = tickets.details(number);
        assertThat(breached.priority()).isEqualTo(Priority.urgent);
        assertThat(clock(breached, "firstResponse").state()).isEqualTo("breached");
        assertThat(types(breached)).contains("SLA_WARNING", "SLA_BREACHED", "PRIORITY_CHANGED");
    }

    @Test
    void a_resolution_breach_while_waiting_for_approval_goes_to_the_supervisors_then_the_managers_once() {
        String number = openComplaint("退款迟迟不到", "standard");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(number, "acceptComplaint", Map.of());
        agents.work(number, "handleComplaint", Map.of("proposedResolution", "加急退款", "compensationAmount", 600));
        assertThat(instance).isWaitingAt("approveCompensation");
        SlaView resolution = clock(tickets.details(number), "resolution");

        setClock(resolution.warningAt());
        execute(job("resolutionWarningDue", instance));
        setClock(resolution.dueAt());
        execute(job("resolutionDue", instance));
        assertThat(instance).isWaitingAt("approveCompensation", "supervisorsFollowUpBreach");
        assertOfferedTo(escalations.task(number, Escalations.RESOLUTION_BREACHED), "support-supervisors", "sam");

        Instant secondLevel = job("resolutionSecondLevelDue", instance).getDuedate().toInstant();
        setClock(secondLevel);
        execute(job("resolutionSecondLevelDue", instance));
        assertThat(instance).isWaitingAt("approveCompensation", "supervisorsFollowUpBreach", "managersFollowUpBreach");
        assertOfferedTo(escalations.task(number, Escalations.BREACH_PERSISTS), "managers", "mia");
        TicketDetails escalated = tickets.details(number);
        assertThat(escalated.group()).isEqualTo("support");
        assertThat(escalated.priority()).isEqualTo(Priority.urgent);
        assertThat(types(escalated)).containsSubsequence("SLA_WARNING", "SLA_BREACHED", "SLA_ESCALATED");

        agents.work(number, "approveCompensation", Map.of("approvalDecision", "approved"));
        agents.work(number, "informCustomerOfResolution", Map.of("publicReply", "退款已到账"));
        agents.work(number, "confirmResolution", Map.of("customerConfirmation", "confirmed"));
        assertThat(instance).as("closing the ticket cancels the open escalation tasks").isEnded();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
        assertThat(clock(tickets.details(number), "resolution").state()).isEqualTo("breached");
    }

    @Test
    void a_complaint_opened_through_the_api_is_walked_to_closed_by_support_and_a_manager() {
        ResponseEntity<JsonNode> missingCategory = api.post("alice", "/api/tickets", """
                {"type":"complaint","subject":"投诉：发错货","customer":{"name":"孙八"}}""");
        assertThat(missingCategory.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missingCategory.getBody().toString()).contains("fields.complaintCategory");

        ResponseEntity<JsonNode> created = api.post("alice", "/api/tickets", """
                {"type":"complaint","subject":"投诉：发错货","description":"订购黑色收到白色，客服不处理",
                 "customer":{"name":"孙八","email":"sun@example.com","tier":"standard"},
                 "fields":{"complaintCategory":"delivery","orderNumber":"SO-4242"}}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = created.getBody().get("number").asText();
        assertThat(created.getBody().get("group").asText()).isEqualTo("support");

        api.completeWithVariables(number, "acceptComplaint", "support", "{\"publicReply\":\"已受理您的投诉\"}");
        api.completeWithVariables(number, "handleComplaint", "support",
                "{\"proposedResolution\":\"换货并补偿\",\"compensationAmount\":650,\"internalNote\":\"仓库发错\"}");
        JsonNode inApproval = api.ticket("admin", number);
        assertThat(inApproval.at("/currentTasks/0/key").asText()).isEqualTo("approveCompensation");
        assertThat(inApproval.get("group").asText()).isEqualTo("support");
        assertThat(api.ticket("mia", number).get("status").asText()).isEqualTo("in_progress");

        api.completeWithVariables(number, "approveCompensation", "managers",
                "{\"approvalDecision\":\"rejected\",\"rejectionReason\":\"补偿过高，改为 300 元\"}");
        assertThat(api.ticket("alice", number).at("/currentTasks/0/key").asText()).isEqualTo("handleComplaint");

        api.completeWithVariables(number, "handleComplaint", "support",
                "{\"proposedResolution\":\"换货并补偿 300 元\",\"compensationAmount\":300}");
        api.completeWithVariables(number, "approveResolution", "support-supervisors",
                "{\"approvalDecision\":\"approved\"}");
        api.completeWithVariables(number, "informCustomerOfResolution", "support",
                "{\"publicReply\":\"已为您换货，并补偿 300 元\"}");
        assertThat(api.ticket("alice", number).get("status").asText()).isEqualTo("resolved");
        api.completeWithVariables(number, "confirmResolution", "support", "{\"customerConfirmation\":\"confirmed\"}");

        JsonNode closed = api.ticket("alice", number);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("group").asText()).isEqualTo("support");
        List<String> steps = new ArrayList<>();
        closed.get("timeline").forEach(e -> {
            if (e.get("type").asText().equals("STEP_COMPLETED")) {
                steps.add(e.get("summary").asText());
            }
        });
        assertThat(steps).containsExactly("受理投诉", "处理投诉", "审批补偿", "处理投诉", "审批处理方案", "告知处理结果",
                "回访确认");
    }

    private String openComplaint(String subject, String tier) {
        return ticketService.create(new CreateTicketRequest("complaint", subject, "客户来电投诉", Channel.phone,
                Priority.normal, null, new CustomerDetails("周九", "zhou@example.com", null, tier, null),
                Map.of("complaintCategory", "delivery", "orderNumber", "SO-3001")), TestViewers.ALICE).number();
    }
}

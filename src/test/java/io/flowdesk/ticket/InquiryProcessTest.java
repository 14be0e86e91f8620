package io.flowdesk.ticket;

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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.flowdesk.ticket.EngineClock.MONDAY_OPENING;
import static io.flowdesk.ticket.EngineClock.setClock;
import static io.flowdesk.ticket.TicketTimeline.clock;
import static io.flowdesk.ticket.TicketTimeline.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Every path through processes/inquiry.bpmn with the ticket it drives: routing and assignment, each SLA timer,
 * the pause while waiting for the customer, reopen and auto-close. Time moves with the engine clock, from a
 * Monday morning in Shanghai business hours (09:00-12:00, 13:30-18:00).
 */
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(EngineClock.class)
class InquiryProcessTest {

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TicketService tickets;
    @Autowired TicketQueries queries;
    @Autowired CustomerMessages customerMessages;

    private Escalations escalations;

    @BeforeEach
    void setUp() {
        escalations = new Escalations(taskService);
    }

    @Test
    void inquiry_accepted_handled_replied_and_confirmed_is_closed_with_both_targets_met() {
        String number = openInquiry("登录不了", "提示密码错误", Priority.normal, "standard");
        ProcessInstance instance = processOf(number);

        assertThat(instance).isWaitingAt("acceptInquiry");
        assertThat(task(instance)).as("routed").hasCandidateGroupAssociated("support");
        assertThat(queries.details(number, TestViewers.ADMIN).sla()).as("SLA clocks started").extracting(SlaView::state)
                .containsOnly("running");
        assertThat(status(number)).isEqualTo("new");

        work(instance, Map.of("priority", "high", "internalNote", "老客户，优先处理"));
        assertThat(instance).isWaitingAt("handleInquiry");
        assertThat(status(number)).isEqualTo("in_progress");

        work(instance, Map.of("nextStep", "reply", "internalNote", "查阅了手册"));
        assertThat(instance).isWaitingAt("replyToCustomer");

        work(instance, Map.of("publicReply", "请重启路由器后重试"));
        assertThat(instance).isWaitingAt("confirmResolution");
        assertThat(status(number)).isEqualTo("resolved");

        work(instance, Map.of("customerConfirmation", "confirmed"));
        assertThat(instance).isEnded().hasPassed("inquiryClosed");

        TicketDetails ticket = queries.details(number, TestViewers.ADMIN);
        assertThat(ticket.status()).isEqualTo("closed");
        assertThat(ticket.priority()).isEqualTo(Priority.high);
        assertThat(ticket.firstResponseAt()).as("acceptance is the first response").isEqualTo(MONDAY_OPENING);
        assertThat(ticket.closedAt()).isNotNull();
        assertThat(ticket.currentTasks()).isEmpty();
        assertThat(ticket.sla()).extracting(SlaView::state).containsOnly("met");
        assertThat(ticket.timeline()).filteredOn(e -> e.type().equals("STEP_COMPLETED"))
                .extracting(TimelineEntry::summary).containsExactly("受理咨询", "处理咨询", "反馈客户", "回访确认");
        assertThat(ticket.timeline()).filteredOn(e -> e.type().equals("PUBLIC_REPLY")).singleElement()
                .satisfies(e -> assertThat(e.body()).isEqualTo("请重启路由器后重试"));
        assertThat(types(ticket)).contains("ROUTED", "SLA_STARTED", "ASSIGNED", "PRIORITY_CHANGED", "SLA_MET");
        assertThat(ticket.timeline()).filteredOn(e -> e.type().equals("SLA_STARTED")).singleElement()
                .satisfies(e -> assertThat(e.summary()).matches("first response within \\d+ min, resolution within "
                        + "\\d+ min \\(\\S+ hours\\): due 2026-\\S+Z and 2026-\\S+Z"));
        assertThat(ticket.timeline()).filteredOn(e -> e.type().equals("SLA_MET")).extracting(TimelineEntry::summary)
                .hasSize(2).allMatch(summary -> summary.matches("(firstResponse|resolution) met after \\d+ of \\d+ min"));
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance.getId()).count())
                .as("a finished ticket leaves no process variables behind").isZero();
    }

    @Test
    void urgent_vip_invoice_request_goes_to_the_least_loaded_finance_agent_with_due_times_in_business_hours() {
        Instant fridayFivePm = Instant.parse("2026-03-06T09:00:00Z");
        setClock(fridayFivePm);
        String expectedAgent = leastLoaded("fiona", "frank");

        String number = openInquiry("发票抬头开错了", "请重新开具增值税发票", Priority.urgent, "vip");

        TicketDetails ticket = queries.details(number, TestViewers.ADMIN);
        assertThat(ticket.group()).isEqualTo("finance");
        assertThat(ticket.assignee()).isEqualTo(expectedAgent);
        assertThat(ticket.currentTasks()).singleElement().satisfies(task -> {
            assertThat(task.candidateGroups()).containsExactly("finance");
            assertThat(task.assignee()).isEqualTo(expectedAgent);
        });
        SlaView firstResponse = clock(ticket, "firstResponse");
        assertThat(firstResponse.targetMinutes()).isEqualTo(15);
        assertThat(firstResponse.dueAt()).isEqualTo(Instant.parse("2026-03-06T09:15:00Z"));
        SlaView resolution = clock(ticket, "resolution");
        assertThat(resolution.targetMinutes()).isEqualTo(240);
        assertThat(resolution.dueAt()).as("1 h on Friday, 3 h from Monday 09:00 Shanghai time")
                .isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
        assertThat(ticket.timeline()).filteredOn(e -> e.type().equals("ROUTED")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("finance", "invoice"));

        String next = openInquiry("再开一张发票", "invoice again", Priority.urgent, "vip");
        assertThat(queries.details(next, TestViewers.ADMIN).assignee()).as("the other agent now has fewer open tasks")
                .isEqualTo(expectedAgent.equals("fiona") ? "frank" : "fiona");
    }

    @Test
    void a_first_response_left_alone_is_warned_then_breached_raised_to_urgent_and_sent_to_supervisors() {
        String number = openInquiry("咨询保修政策", "保修多久", Priority.normal, "standard");
        ProcessInstance instance = processOf(number);
        SlaView firstResponse = clock(queries.details(number, TestViewers.ADMIN), "firstResponse");
        assertThat(firstResponse.warningAt()).as("75 % of 240 working minutes: the morning")
                .isEqualTo(Instant.parse("2026-03-02T04:00:00Z"));
        assertThat(firstResponse.dueAt()).as("after the lunch break").isEqualTo(Instant.parse("2026-03-02T06:30:00Z"));

        setClock(firstResponse.warningAt());
        execute(job("firstResponseWarningDue", instance));
        assertThat(clock(queries.details(number, TestViewers.ADMIN), "firstResponse").state()).isEqualTo("warned");
        assertThat(task("acceptInquiry", instance).getPriority()).isGreaterThanOrEqualTo(90);
        assertThat(queries.details(number, TestViewers.ADMIN).timeline()).filteredOn(e -> e.type().equals("SLA_WARNING"))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("firstResponse", "notified"));

        setClock(firstResponse.dueAt());
        execute(job("firstResponseDue", instance));
        assertThat(job("firstResponseWarningDue", instance)).as("the warning fired once, before").isNull();

        TicketDetails breached = queries.details(number, TestViewers.ADMIN);
        assertThat(breached.priority()).isEqualTo(Priority.urgent);
        assertThat(task("acceptInquiry", instance).getPriority()).as("Tasklist sorts it first").isEqualTo(100);
        assertThat(breached.assignee()).as("the supervisor's task does not take the ticket away from its agent")
                .isEqualTo(task("acceptInquiry", instance).getAssignee());
        assertThat(clock(breached, "firstResponse").state()).isEqualTo("breached");
        assertThat(instance).isWaitingAt("acceptInquiry", "supervisorsFollowUpLateFirstResponse");
        assertThat(escalations.task(number, Escalations.LATE_FIRST_RESPONSE)).hasCandidateGroupAssociated("support-supervisors")
                .isAssignedTo("sam");
        assertThat(types(breached)).contains("SLA_WARNING", "SLA_BREACHED", "PRIORITY_CHANGED");
        assertThat(queries.search(filter("breached"), PageRequest.of(0, 100), TestViewers.ADMIN)
                .items()).extracting(TicketViews.TicketSummary::number).contains(number);
    }

    @Test
    void a_resolution_breach_that_persists_goes_to_the_managers_once() {
        String number = openInquiry("账号被锁", "无法登录后台", Priority.normal, "standard");
        ProcessInstance instance = processOf(number);
        work(instance, Map.of("priority", "normal"));
        assertThat(clock(queries.details(number, TestViewers.ADMIN), "firstResponse").state()).isEqualTo("met");
        SlaView resolution = clock(queries.details(number, TestViewers.ADMIN), "resolution");

        setClock(resolution.warningAt());
        execute(job("resolutionWarningDue", instance));
        assertThat(queries.search(filter("at_risk"), PageRequest.of(0, 100), TestViewers.ADMIN)
                .items()).extracting(TicketViews.TicketSummary::number).contains(number);

        setClock(resolution.dueAt());
        execute(job("resolutionDue", instance));
        assertThat(instance).isWaitingAt("handleInquiry", "supervisorsFollowUpBreach");
        assertThat(queries.details(number, TestViewers.ADMIN).priority()).isEqualTo(Priority.urgent);

        Instant secondLevel = job("resolutionSecondLevelDue", instance).getDuedate().toInstant();
        assertThat(secondLevel).as("150 % of 1,440 working minutes: Friday 16:30 Shanghai time")
                .isEqualTo(Instant.parse("2026-03-06T08:30:00Z"));
        setClock(secondLevel);
        execute(job("resolutionSecondLevelDue", instance));
        assertThat(instance).isWaitingAt("handleInquiry", "supervisorsFollowUpBreach", "managersFollowUpBreach");
        assertThat(escalations.task(number, Escalations.BREACH_PERSISTS)).hasCandidateGroupAssociated("managers").isAssignedTo("mia");
        assertThat(types(queries.details(number, TestViewers.ADMIN))).containsSubsequence("SLA_WARNING", "SLA_BREACHED", "SLA_ESCALATED");

        work(instance, "handleInquiry", Map.of("nextStep", "reply"));
        work(instance, "replyToCustomer", Map.of("publicReply", "已解锁"));
        work(instance, "confirmResolution", Map.of("customerConfirmation", "confirmed"));
        assertThat(instance).as("closing the ticket cancels the open escalation tasks").isEnded();
        assertThat(clock(queries.details(number, TestViewers.ADMIN), "resolution").state()).isEqualTo("breached");
    }

    @Test
    void a_breach_whose_timer_fires_again_when_the_work_resumes_calls_the_supervisors_no_second_time() {
        String number = openInquiry("导出报表失败", "一直转圈", Priority.normal, "standard");
        ProcessInstance instance = processOf(number);
        work(instance, Map.of("priority", "normal"));
        setClock(clock(queries.details(number, TestViewers.ADMIN), "resolution").dueAt());
        execute(job("resolutionDue", instance));
        assertThat(escalations.open(number)).isEqualTo(1);

        work(instance, Map.of("nextStep", "ask_customer", "publicReply", "请提供浏览器版本"));
        work(instance, "waitForCustomerAnswer", Map.of("customerMessage", "Chrome 120"));
        assertThat(instance).isWaitingAt("handleInquiry", "supervisorsFollowUpBreach");
        execute(job("resolutionDue", instance));

        assertThat(instance).hasPassed("breachAlreadyEscalated");
        assertThat(escalations.open(number)).as("one supervisors' follow-up per ticket").isEqualTo(1);
        assertThat(escalations.task(number, Escalations.RESOLUTION_BREACHED)).isNotNull();
    }

    @Test
    void waiting_for_the_customer_pauses_the_resolution_clock_and_resumes_with_the_time_left() {
        String number = openInquiry("退货地址", "寄到哪里", Priority.normal, "standard");
        ProcessInstance instance = processOf(number);
        work(instance, Map.of("priority", "normal"));
        setClock(Instant.parse("2026-03-02T02:00:00Z"));
        work(instance, Map.of("nextStep", "ask_customer", "publicReply", "请提供订单号"));

        assertThat(instance).isWaitingAt("waitForCustomerAnswer").hasPassed("handlingPausedForCustomer");
        TicketDetails waiting = queries.details(number, TestViewers.ADMIN);
        assertThat(waiting.status()).isEqualTo("pending_customer");
        SlaView paused = clock(waiting, "resolution");
        assertThat(paused.state()).isEqualTo("paused");
        assertThat(paused.elapsedWorkingMinutes()).as("09:00 to 10:00 Monday").isEqualTo(60);
        assertThat(job("resolutionDue", instance)).as("no resolution timer runs while paused").isNull();

        setClock(Instant.parse("2026-03-04T01:00:00Z"));
        work(instance, "waitForCustomerAnswer", Map.of("customerMessage", "订单号 SO-778"));

        assertThat(instance).isWaitingAt("handleInquiry");
        assertThat(runtimeService.getVariable(instance.getId(), "nextStep"))
                .as("the form asks for the next step afresh, it does not offer the last choice").isNull();
        assertThat(runtimeService.getVariable(instance.getId(), "latestCustomerMessage")).isEqualTo("订单号 SO-778");
        SlaView resumed = clock(queries.details(number, TestViewers.ADMIN), "resolution");
        assertThat(resumed.state()).isEqualTo("running");
        assertThat(resumed.elapsedWorkingMinutes()).isEqualTo(60);
        assertThat(resumed.dueAt()).as("the 1,380 minutes left count from Wednesday 09:00: 3 days of 450, then 30")
                .isEqualTo(Instant.parse("2026-03-09T01:30:00Z"));
        assertThat(job("resolutionDue", instance)).hasDueDate(Date.from(resumed.dueAt()));
        assertThat(types(queries.details(number, TestViewers.ADMIN))).contains("SLA_PAUSED", "CUSTOMER_MESSAGE", "SLA_RESUMED");
    }

    @Test
    void the_customers_own_reply_moves_a_waiting_inquiry_back_to_work_and_resumes_its_clock() {
        String number = openInquiry("退货地址", "寄到哪里", Priority.normal, "standard");
        ProcessInstance instance = processOf(number);
        work(instance, Map.of("priority", "normal"));
        work(instance, Map.of("nextStep", "ask_customer", "publicReply", "请提供订单号"));
        assertThat(instance).isWaitingAt("waitForCustomerAnswer");

        boolean moved = customerMessages.receive(number, "订单号 SO-779", "li@example.com");

        assertThat(moved).isTrue();
        assertThat(instance).hasPassed("customerRepliedWhileWaiting").isWaitingAt("handleInquiry");
        assertThat(runtimeService.getVariable(instance.getId(), "latestCustomerMessage")).isEqualTo("订单号 SO-779");
        TicketDetails working = queries.details(number, TestViewers.ADMIN);
        assertThat(working.status()).isEqualTo("in_progress");
        assertThat(clock(working, "resolution").state()).isEqualTo("running");
        assertThat(types(working)).containsSubsequence("SLA_PAUSED", "CUSTOMER_MESSAGE", "SLA_RESUMED");
        assertThat(types(working).stream().filter("CUSTOMER_MESSAGE"::equals)).hasSize(1);

        assertThat(customerMessages.receive(number, "补充：是黑色那款", "li@example.com"))
                .as("a message while nothing waits for it is only recorded").isFalse();
        assertThat(instance).isWaitingAt("handleInquiry");
    }

    @Test
    void inquiry_the_customer_does_not_confirm_is_reopened_with_a_fresh_resolution_clock() {
        String number = openInquiry("发货慢", "一周没到", Priority.normal, "standard");
        ProcessInstance instance = processOf(number);
        work(instance, Map.of("priority", "normal"));
        work(instance, Map.of("nextStep", "reply"));
        work(instance, Map.of("publicReply", "已催促物流"));
        assertThat(clock(queries.details(number, TestViewers.ADMIN), "resolution").state()).isEqualTo("met");

        setClock(Instant.parse("2026-03-03T02:00:00Z"));
        work(instance, Map.of("customerConfirmation", "not_resolved", "internalNote", "客户说还没收到"));

        assertThat(instance).isWaitingAt("handleInquiry").hasPassed("inquiryReopened");
        TicketDetails reopened = queries.details(number, TestViewers.ADMIN);
        assertThat(reopened.status()).isEqualTo("in_progress");
        assertThat(clock(reopened, "resolution").state()).isEqualTo("running");
        assertThat(clock(reopened, "resolution").startedAt()).isEqualTo(Instant.parse("2026-03-03T02:00:00Z"));
        assertThat(reopened.timeline()).filteredOn(e -> e.type().equals("STATUS_CHANGED"))
                .extracting(TimelineEntry::to).containsExactly("in_progress", "resolved", "reopened", "in_progress");

        work(instance, Map.of("nextStep", "reply"));
        work(instance, Map.of("publicReply", "物流已送达"));
        work(instance, Map.of("customerConfirmation", "confirmed"));
        assertThat(instance).isEnded().hasPassed("inquiryClosed");
    }

    @Test
    void inquiry_the_customer_leaves_unanswered_for_seven_days_closes_itself() {
        String number = openInquiry("发票寄到哪", "地址确认", Priority.low, "standard");
        ProcessInstance instance = processOf(number);
        work(instance, Map.of("priority", "low"));
        work(instance, Map.of("nextStep", "reply"));
        work(instance, Map.of("publicReply", "已寄出，请确认"));
        assertThat(instance).isWaitingAt("confirmResolution");

        Instant repliedAt = ClockUtil.now().toInstant();
        assertThat(job("customerSilentForSevenDays", instance)).hasDueDate(Date.from(repliedAt.plus(Duration.ofDays(7))));
        setClock(repliedAt.plus(Duration.ofDays(7)).plusSeconds(1));
        identityService.clearAuthentication();
        execute(job("customerSilentForSevenDays", instance));

        assertThat(instance).isEnded().hasPassed("inquiryAutoClosed").hasNotPassed("inquiryClosed");
        TicketDetails ticket = queries.details(number, TestViewers.ADMIN);
        assertThat(ticket.status()).isEqualTo("closed");
        assertThat(ticket.timeline()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("STATUS_CHANGED");
            assertThat(e.actor()).isEqualTo("system");
        });
    }

    @Test
    void inquiry_recorded_from_a_tasklist_start_form_opens_its_ticket() {
        identityService.setAuthentication("alice", List.of("support"));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("inquiry", withVariables(
                "subject", "电话咨询：产品型号", "channel", "phone", "customerName", "王五",
                "customerTier", "standard", "customerRegion", "overseas", "priority", "high",
                "field.orderNumber", "SO-9"));

        assertThat(instance).isWaitingAt("acceptInquiry");
        TicketDetails ticket = queries.details(instance.getBusinessKey(), TestViewers.ADMIN);
        assertThat(ticket.number()).matches("TK-\\d{6}");
        assertThat(ticket.channel()).isEqualTo(Channel.phone);
        assertThat(ticket.customer().region()).isEqualTo("overseas");
        assertThat(ticket.fields()).containsEntry("orderNumber", "SO-9");
        assertThat(ticket.assignee()).as("overseas customers need the english skill").isEqualTo("alice");
        assertThat(ticket.timeline()).first().satisfies(e -> assertThat(e.actor()).isEqualTo("alice"));
        identityService.clearAuthentication(); // an agent reads variables through tasks only
        assertThat(runtimeService.getVariables(instance.getId())).containsOnlyKeys("ticketNumber", "group",
                "requiredSkill", "subject", "description", "customerName", "customerContact", "priority",
                "accepted");
    }

    private String openInquiry(String subject, String description, Priority priority, String tier) {
        return tickets.create(new CreateTicketRequest("inquiry", subject, description, Channel.web, priority, null,
                new CustomerDetails("张三", "zhang@example.com", null, tier, null), Map.of()), TestViewers.ALICE).number();
    }

    private ProcessInstance processOf(String number) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    /** Completes the ticket's one open work task (not an escalation task) as its assignee, with these form values. */
    private void work(ProcessInstance instance, Map<String, ?> formValues) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskCandidateGroupIn(List.of("support", "tech", "finance")).includeAssignedTasks().singleResult();
        complete(task, formValues);
    }

    private void work(ProcessInstance instance, String taskKey, Map<String, ?> formValues) {
        complete(task(taskKey, instance), formValues);
    }

    private void complete(Task task, Map<String, ?> formValues) {
        assertThat(task.getAssignee()).as("assigned by workload").isNotNull();
        List<String> groups = identityService.createGroupQuery().groupMember(task.getAssignee()).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        identityService.setAuthentication(task.getAssignee(), groups);
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(task, new HashMap<>(formValues));
        identityService.clearAuthentication();
    }

    private String leastLoaded(String... agents) {
        return Stream.of(agents).min(Comparator.comparingLong(
                        (String agent) -> taskService.createTaskQuery().taskAssignee(agent).count())
                .thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    private static TicketFilter filter(String sla) {
        return new TicketFilter(null, null, null, null, null, null, null, sla, null, null);
    }

    private String status(String number) {
        return queries.details(number, TestViewers.ADMIN).status();
    }
}

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
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
 * Every path through processes/technical-fault.bpmn (技术故障) with the ticket it drives: support triages it and
 * answers directly when it is no fault; otherwise tech handles it (a hand-off), optionally hands it on to engineering
 * and gets it back; the shared customer confirmation (customer-confirmation.bpmn, called) closes it, reopens it back
 * to tech, or closes it after 7 days of silence; SLA timers; and one walk through the REST API as each department's
 * agent. Time moves with the engine clock, from a Monday morning in Shanghai business hours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(EngineClock.class)
class TechnicalFaultProcessTest {

    /** The demo agents' groups (application.yml), to act as each of them. */
    static final Map<String, List<String>> GROUPS = Map.of(
            "alice", List.of("support"), "bob", List.of("support"), "sam", List.of("support-supervisors", "support"),
            "tom", List.of("tech"), "ted", List.of("tech-supervisors"), "eric", List.of("engineering"),
            "mia", List.of("managers"));

    /** The demo agent who takes a group's task from its queue. */
    static final Map<String, String> AGENT_OF = Map.of("support", "alice", "tech", "tom", "engineering", "eric",
            "support-supervisors", "sam", "managers", "mia");

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
        tickets = new TicketLookup("technical-fault", runtimeService, queries);
        agents = new DemoAgents(taskService, identityService, AGENT_OF, GROUPS);
        escalations = new Escalations(taskService);
        api = new TicketsOverHttp(http, AGENT_OF);
    }

    @Test
    void no_fault_answered_at_triage_is_confirmed_and_closed_without_leaving_support() {
        String number = openFault("怎么打开省电模式", "找不到设置");
        ProcessInstance instance = tickets.processOf(number);

        assertThat(instance).isWaitingAt("triageFault");
        TicketDetails opened = tickets.details(number);
        assertThat(opened.group()).as("routing: technical faults are triaged by support").isEqualTo("support");
        assertThat(opened.status()).isEqualTo("new");
        assertThat(opened.fields()).containsEntry("productModel", "P-200").containsEntry("faultCode", "E42")
                .containsEntry("occurredOn", "2026-03-01");
        assertThat(opened.sla()).extracting(SlaView::state).containsOnly("running");

        agents.work(number, "triageFault", Map.of("triageOutcome", "answer_directly",
                "publicReply", "设置 → 电源 → 省电模式", "internalNote", "使用问题，非故障"));

        assertThat(instance).isWaitingAt("confirmFixWithCustomer").hasPassed("answeredAtTriage")
                .hasNotPassed("handleFault");
        assertThat(calledProcessInstance(instance)).isWaitingAt("confirmResolution");
        TicketDetails answered = tickets.details(number);
        assertThat(answered.status()).isEqualTo("resolved");
        assertThat(answered.sla()).as("answered at triage: first response and resolution").extracting(SlaView::state)
                .containsOnly("met");
        assertThat(answered.currentTasks()).singleElement().satisfies(task -> {
            assertThat(task.key()).isEqualTo("confirmResolution");
            assertThat(task.candidateGroups()).containsExactly("support");
        });

        agents.work(number, "confirmResolution", Map.of("customerConfirmation", "confirmed"));

        assertThat(instance).isEnded().hasPassed("faultClosed");
        TicketDetails closed = tickets.details(number);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.firstResponseAt()).isEqualTo(MONDAY_OPENING);
        assertThat(closed.group()).isEqualTo("support");
        assertThat(types(closed)).doesNotContain("HANDED_OFF");
        assertThat(steps(closed)).containsExactly("分诊", "回访确认");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("PUBLIC_REPLY")).singleElement()
                .satisfies(e -> assertThat(e.body()).isEqualTo("设置 → 电源 → 省电模式"));
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("INTERNAL_NOTE")).extracting(TimelineEntry::body)
                .containsExactly("使用问题，非故障");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("STATUS_CHANGED"))
                .extracting(TimelineEntry::to).containsExactly("resolved", "closed");
    }

    @Test
    void fault_fixed_by_tech_goes_to_tech_and_back_to_support_for_the_confirmation() {
        String number = openFault("打印机报错 E42", "开机后一直报错");
        ProcessInstance instance = tickets.processOf(number);

        agents.work(number, "triageFault", Map.of("triageOutcome", "fault", "internalNote", "确认为硬件故障"));

        assertThat(instance).isWaitingAt("handleFault").hasPassed("triageFault").hasNotPassed("answeredAtTriage");
        TicketDetails atTech = tickets.details(number);
        assertThat(atTech.group()).as("handed off to tech").isEqualTo("tech");
        agents.assertHeldBy(atTech, number, "handleFault", "tom");
        assertThat(atTech.status()).isEqualTo("in_progress");
        assertThat(lastHandOff(atTech)).satisfies(e -> {
            assertThat(e.from()).isEqualTo("support");
            assertThat(e.to()).isEqualTo("tech");
            assertThat(e.summary()).isEqualTo("技术处理");
        });
        assertThat(clock(atTech, "firstResponse").state()).isEqualTo("met");
        assertThat(clock(atTech, "resolution").state()).isEqualTo("running");

        agents.work(number, "handleFault", Map.of("techOutcome", "fixed", "internalNote", "更换了主板排线",
                "publicReply", "已远程指导更换排线，故障排除"));

        assertThat(instance).isWaitingAt("confirmFixWithCustomer").hasPassed("faultFixed")
                .hasNotPassed("investigateInEngineering");
        TicketDetails fixed = tickets.details(number);
        assertThat(fixed.group()).as("the confirmation is support's again").isEqualTo("support");
        assertThat(lastHandOff(fixed)).satisfies(e -> {
            assertThat(e.from()).isEqualTo("tech");
            assertThat(e.to()).isEqualTo("support");
            assertThat(e.summary()).isEqualTo("回访确认");
        });
        assertThat(clock(fixed, "resolution").state()).isEqualTo("met");
        assertThat(fixed.status()).isEqualTo("resolved");

        agents.work(number, "confirmResolution", Map.of("customerConfirmation", "confirmed"));

        assertThat(instance).isEnded().hasPassed("faultClosed");
        TicketDetails closed = tickets.details(number);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(steps(closed)).containsExactly("分诊", "技术处理", "回访确认");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("STATUS_CHANGED"))
                .extracting(TimelineEntry::to).containsExactly("in_progress", "resolved", "closed");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("INTERNAL_NOTE")).extracting(TimelineEntry::body)
                .containsExactly("确认为硬件故障", "更换了主板排线");
    }

    @Test
    void fault_handed_on_to_engineering_comes_back_to_tech_then_support_confirms() {
        String number = openFault("固件升级后无法启动", "升级到 2.1 后卡在启动画面");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(number, "triageFault", Map.of("triageOutcome", "fault"));
        agents.work(number, "handleFault", Map.of("techOutcome", "engineering", "internalNote", "复现：2.1 固件启动崩溃"));

        assertThat(instance).isWaitingAt("investigateInEngineering").hasNotPassed("faultFixed");
        TicketDetails atEngineering = tickets.details(number);
        assertThat(atEngineering.group()).isEqualTo("engineering");
        agents.assertHeldBy(atEngineering, number, "investigateInEngineering", "eric");
        assertThat(atEngineering.status()).as("still being worked").isEqualTo("in_progress");
        assertThat(lastHandOff(atEngineering)).satisfies(e -> {
            assertThat(e.from()).isEqualTo("tech");
            assertThat(e.to()).isEqualTo("engineering");
            assertThat(e.summary()).isEqualTo("研发处理");
        });

        agents.work(number, "investigateInEngineering", Map.of("bugReference", "BUG-2101",
                "internalNote", "引导程序缺陷，已出 2.1.1 修复包"));

        assertThat(instance).isWaitingAt("handleFault");
        assertThat(runtimeService.getVariable(instance.getId(), "techOutcome"))
                .as("tech's form asks for the outcome afresh").isNull();
        assertThat(runtimeService.getVariable(instance.getId(), "bugReference")).isEqualTo("BUG-2101");
        TicketDetails backAtTech = tickets.details(number);
        assertThat(backAtTech.group()).isEqualTo("tech");
        agents.assertHeldBy(backAtTech, number, "handleFault", "tom");
        assertThat(lastHandOff(backAtTech)).satisfies(e -> {
            assertThat(e.from()).isEqualTo("engineering");
            assertThat(e.to()).isEqualTo("tech");
            assertThat(e.summary()).isEqualTo("技术处理");
        });
        assertThat(clock(backAtTech, "resolution").state()).isEqualTo("running");

        agents.work(number, "handleFault", Map.of("techOutcome", "fixed", "internalNote", "已推送 2.1.1",
                "publicReply", "请升级到 2.1.1 固件"));
        assertThat(tickets.details(number).group()).isEqualTo("support");
        agents.work(number, "confirmResolution", Map.of("customerConfirmation", "confirmed"));

        assertThat(instance).isEnded().hasPassed("faultClosed");
        TicketDetails closed = tickets.details(number);
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("HANDED_OFF"))
                .extracting(TimelineEntry::from, TimelineEntry::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("support", "tech"),
                        org.assertj.core.groups.Tuple.tuple("tech", "engineering"),
                        org.assertj.core.groups.Tuple.tuple("engineering", "tech"),
                        org.assertj.core.groups.Tuple.tuple("tech", "support"));
        assertThat(steps(closed)).containsExactly("分诊", "技术处理", "研发处理", "技术处理", "回访确认");
        assertThat(closed.timeline()).filteredOn(e -> e.type().equals("INTERNAL_NOTE")).extracting(TimelineEntry::body)
                .containsExactly("复现：2.1 固件启动崩溃", "引导程序缺陷，已出 2.1.1 修复包", "已推送 2.1.1");
        assertThat(clock(closed, "resolution").state()).isEqualTo("met");
    }

    @Test
    void fault_the_customer_says_is_not_fixed_reopens_at_tech_with_a_fresh_resolution_clock() {
        String number = openFault("网络模块掉线", "每小时掉线一次");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(number, "triageFault", Map.of("triageOutcome", "fault"));
        agents.work(number, "handleFault", Map.of("techOutcome", "fixed", "publicReply", "已重置网络模块"));
        assertThat(clock(tickets.details(number), "resolution").state()).isEqualTo("met");

        Instant reopenedAt = Instant.parse("2026-03-03T02:00:00Z");
        setClock(reopenedAt);
        agents.work(number, "confirmResolution",
                Map.of("customerConfirmation", "not_resolved", "internalNote", "仍然掉线"));

        assertThat(instance).isWaitingAt("handleFault").hasPassed("faultReopened");
        assertThat(runtimeService.getVariable(instance.getId(), "customerConfirmation"))
                .as("the next confirmation asks afresh").isNull();
        TicketDetails reopened = tickets.details(number);
        assertThat(reopened.status()).isEqualTo("in_progress");
        assertThat(reopened.group()).as("reopened back to tech's handling, not to triage").isEqualTo("tech");
        assertThat(clock(reopened, "resolution").state()).isEqualTo("running");
        assertThat(clock(reopened, "resolution").startedAt()).isEqualTo(reopenedAt);
        assertThat(reopened.timeline()).filteredOn(e -> e.type().equals("STATUS_CHANGED"))
                .extracting(TimelineEntry::to).containsExactly("in_progress", "resolved", "reopened", "in_progress");
        assertThat(types(reopened)).contains("SLA_RESTARTED");
        assertThat(steps(reopened)).as("triage is not repeated").containsOnlyOnce("分诊");

        agents.work(number, "handleFault", Map.of("techOutcome", "fixed", "publicReply", "已更换网络模块"));
        agents.work(number, "confirmResolution", Map.of("customerConfirmation", "confirmed"));
        assertThat(instance).isEnded().hasPassed("faultClosed");
        assertThat(tickets.details(number).status()).isEqualTo("closed");
    }

    @Test
    void fault_the_customer_leaves_unconfirmed_for_seven_days_closes_itself() {
        String number = openFault("屏幕闪烁", "偶尔闪烁");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(number, "triageFault", Map.of("triageOutcome", "fault"));
        agents.work(number, "handleFault", Map.of("techOutcome", "fixed", "publicReply", "已调整刷新率，请观察"));
        ProcessInstance confirmation = calledProcessInstance(instance);
        assertThat(confirmation).isWaitingAt("confirmResolution");

        Instant fixedAt = ClockUtil.now().toInstant();
        assertThat(job("customerSilentForSevenDays", confirmation)).hasDueDate(Date.from(fixedAt.plus(Duration.ofDays(7))));
        setClock(fixedAt.plus(Duration.ofDays(7)).plusSeconds(1));
        identityService.clearAuthentication();
        execute(job("customerSilentForSevenDays", confirmation));

        assertThat(confirmation).isEnded().hasPassed("customerStayedSilent");
        assertThat(instance).isEnded().hasPassed("faultClosed").hasNotPassed("faultReopened");
        TicketDetails closed = tickets.details(number);
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.currentTasks()).isEmpty();
        assertThat(closed.timeline()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("STATUS_CHANGED");
            assertThat(e.to()).isEqualTo("closed");
            assertThat(e.actor()).isEqualTo("system");
        });
    }

    @Test
    void an_untriaged_fault_is_warned_then_breached_and_sent_to_the_support_supervisors() {
        String number = openFault("设备无法开机", "完全没反应");
        ProcessInstance instance = tickets.processOf(number);
        SlaView firstResponse = clock(tickets.details(number), "firstResponse");

        setClock(firstResponse.warningAt());
        execute(job("firstResponseWarningDue", instance));
        assertThat(clock(tickets.details(number), "firstResponse").state()).isEqualTo("warned");

        setClock(firstResponse.dueAt());
        execute(job("firstResponseDue", instance));

        assertThat(instance).isWaitingAt("triageFault", "supervisorsFollowUpLateFirstResponse");
        assertOfferedTo(escalations.task(number, Escalations.LATE_FIRST_RESPONSE), "support-supervisors", "sam");
        TicketDetails breached = tickets.details(number);
        assertThat(breached.priority()).isEqualTo(Priority.urgent);
        assertThat(clock(breached, "firstResponse").state()).isEqualTo("breached");
        assertThat(breached.group()).as("an escalation does not move the ticket").isEqualTo("support");
        assertThat(types(breached)).contains("SLA_WARNING", "SLA_BREACHED", "PRIORITY_CHANGED");

        agents.work(number, Escalations.SUPERVISORS_TASK, Map.of("internalNote", "已提醒分诊"));
        assertThat(instance).isWaitingAt("triageFault").hasPassed("lateFirstResponseSupervised");
    }

    @Test
    void a_resolution_breach_while_engineering_works_goes_to_the_supervisors_and_managers_and_the_ticket_stays_there() {
        String number = openFault("数据同步丢失", "部分记录丢失");
        ProcessInstance instance = tickets.processOf(number);
        agents.work(number, "triageFault", Map.of("triageOutcome", "fault"));
        agents.work(number, "handleFault", Map.of("techOutcome", "engineering", "internalNote", "需要研发排查"));
        SlaView resolution = clock(tickets.details(number), "resolution");

        setClock(resolution.warningAt());
        execute(job("resolutionWarningDue", instance));
        setClock(resolution.dueAt());
        execute(job("resolutionDue", instance));

        assertThat(instance).isWaitingAt("investigateInEngineering", "supervisorsFollowUpBreach");
        assertOfferedTo(escalations.task(number, Escalations.RESOLUTION_BREACHED), "support-supervisors", "sam");
        TicketDetails breached = tickets.details(number);
        assertThat(breached.group()).as("the ticket shows the department doing the work").isEqualTo("engineering");
        agents.assertHeldBy(breached, number, "investigateInEngineering", "eric");
        assertThat(breached.priority()).isEqualTo(Priority.urgent);

        Instant secondLevel = job("resolutionSecondLevelDue", instance).getDuedate().toInstant();
        setClock(secondLevel);
        execute(job("resolutionSecondLevelDue", instance));
        assertThat(instance).isWaitingAt("investigateInEngineering", "supervisorsFollowUpBreach", "managersFollowUpBreach");
        assertOfferedTo(escalations.task(number, Escalations.BREACH_PERSISTS), "managers", "mia");
        assertThat(tickets.details(number).group()).isEqualTo("engineering");
        assertThat(types(tickets.details(number))).containsSubsequence("SLA_WARNING", "SLA_BREACHED", "SLA_ESCALATED");

        agents.work(number, "investigateInEngineering", Map.of("internalNote", "索引损坏，已修复"));
        agents.work(number, "handleFault", Map.of("techOutcome", "fixed", "publicReply", "数据已恢复"));
        agents.work(number, "confirmResolution", Map.of("customerConfirmation", "confirmed"));
        assertThat(instance).as("closing the ticket cancels the open escalation tasks").isEnded();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void a_fault_opened_through_the_api_is_walked_to_closed_by_each_departments_agent() {
        ResponseEntity<JsonNode> created = api.post("alice", "/api/tickets", """
                {"type":"technical-fault","subject":"扫描仪卡纸报错","description":"报错 E17，清理后仍然报错",
                 "customer":{"name":"钱七","email":"qian@example.com"},
                 "fields":{"productModel":"S-300","faultCode":"E17","occurredOn":"2026-03-01"}}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = created.getBody().get("number").asText();
        assertThat(created.getBody().get("group").asText()).isEqualTo("support");
        assertThat(created.getBody().get("status").asText()).isEqualTo("new");

        api.completeWithVariables(number, "triageFault", "support",
                "{\"triageOutcome\":\"fault\",\"internalNote\":\"硬件故障\"}");
        assertThat(api.ticket("admin", number).get("group").asText()).isEqualTo("tech");
        assertThat(api.ticket("tom", number).get("status").asText()).isEqualTo("in_progress");

        api.completeWithVariables(number, "handleFault", "tech",
                "{\"techOutcome\":\"engineering\",\"internalNote\":\"传感器固件问题\"}");
        assertThat(api.ticket("eric", number).get("group").asText()).isEqualTo("engineering");

        api.completeWithVariables(number, "investigateInEngineering", "engineering",
                "{\"bugReference\":\"BUG-17\",\"internalNote\":\"已修复传感器固件\"}");
        assertThat(api.ticket("tom", number).get("group").asText()).isEqualTo("tech");

        api.completeWithVariables(number, "handleFault", "tech",
                "{\"techOutcome\":\"fixed\",\"publicReply\":\"请更新到最新固件\",\"internalNote\":\"已发布固件\"}");
        JsonNode resolved = api.ticket("alice", number);
        assertThat(resolved.get("group").asText()).isEqualTo("support");
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");

        api.completeWithVariables(number, "confirmResolution", "support", "{\"customerConfirmation\":\"confirmed\"}");

        JsonNode closed = api.ticket("alice", number);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("currentTasks")).isEmpty();
        List<String> handOffs = new ArrayList<>();
        closed.get("timeline").forEach(e -> {
            if (e.get("type").asText().equals("HANDED_OFF")) {
                handOffs.add(e.get("from").asText() + "→" + e.get("to").asText());
            }
        });
        assertThat(handOffs).containsExactly("support→tech", "tech→engineering", "engineering→tech", "tech→support");
        assertThat(api.ticket("eric", number).get("status").asText()).as("engineering, which held it, still reads it")
                .isEqualTo("closed");
    }

    @Test
    void fault_recorded_from_the_tasklist_start_form_opens_its_ticket_at_triage() {
        identityService.setAuthentication("alice", List.of("support"));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("technical-fault", Map.of(
                "subject", "电话报修：打印机卡纸", "channel", "phone", "customerName", "王五",
                "customerTier", "standard", "priority", "high", "field.faultCode", "E17"));
        identityService.clearAuthentication();

        assertThat(instance).isWaitingAt("triageFault");
        TicketDetails ticket = tickets.details(instance.getBusinessKey());
        assertThat(ticket.type()).isEqualTo("technical-fault");
        assertThat(ticket.group()).isEqualTo("support");
        assertThat(ticket.channel()).isEqualTo(Channel.phone);
        assertThat(ticket.fields()).containsEntry("faultCode", "E17");
    }

    private String openFault(String subject, String description) {
        return ticketService.create(new CreateTicketRequest("technical-fault", subject, description, Channel.web,
                Priority.normal, null, new CustomerDetails("张三", "zhang@example.com", null, "standard", null),
                Map.of("productModel", "P-200", "faultCode", "E42", "occurredOn", "2026-03-01")),
                TestViewers.ALICE).number();
    }

    private static TimelineEntry lastHandOff(TicketDetails ticket) {
        List<TimelineEntry> handOffs = ticket.timeline().stream().filter(e -> e.type().equals("HANDED_OFF")).toList();
        assertThat(handOffs).as("HANDED_OFF in the timeline").isNotEmpty();
        return handOffs.get(handOffs.size() - 1);
    }
}

package io.flowdesk.ticket;

import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/** Every path through processes/inquiry.bpmn, with the ticket it drives. */
@SpringBootTest
@ActiveProfiles("test")
class InquiryProcessTest {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TicketService tickets;
    @Autowired TicketQueries queries;

    @BeforeEach
    void setUp() {
        init(processEngine);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void inquiry_accepted_handled_replied_and_confirmed_is_closed() {
        String number = openInquiry();
        ProcessInstance instance = processOf(number);

        assertThat(instance).isWaitingAt("acceptInquiry");
        assertThat(task()).hasCandidateGroup("support");
        assertThat(status(number)).isEqualTo("new");

        workAs(instance, "alice", Map.of("priority", "high", "internalNote", "老客户，优先处理"));
        assertThat(instance).isWaitingAt("handleInquiry");
        assertThat(status(number)).isEqualTo("in_progress");

        workAs(instance, "alice", Map.of("internalNote", "查阅了 P-200 手册"));
        assertThat(instance).isWaitingAt("replyToCustomer");

        workAs(instance, "alice", Map.of("publicReply", "请重启路由器后重试"));
        assertThat(instance).isWaitingAt("confirmResolution");
        assertThat(status(number)).isEqualTo("resolved");

        workAs(instance, "bob", Map.of("customerConfirmation", "confirmed"));
        assertThat(instance).isEnded().hasPassed("inquiryClosed");

        TicketDetails ticket = queries.details(number);
        assertThat(ticket.status()).isEqualTo("closed");
        assertThat(ticket.priority()).isEqualTo(Priority.high);
        assertThat(ticket.assignee()).isEqualTo("bob");
        assertThat(ticket.firstResponseAt()).isNotNull();
        assertThat(ticket.resolvedAt()).isNotNull();
        assertThat(ticket.closedAt()).isNotNull();
        assertThat(ticket.currentTasks()).isEmpty();
        assertThat(types(ticket.timeline())).containsExactly(
                "CREATED",
                "ASSIGNED", "INTERNAL_NOTE", "PRIORITY_CHANGED", "STEP_COMPLETED", "STATUS_CHANGED",
                "INTERNAL_NOTE", "STEP_COMPLETED",
                "PUBLIC_REPLY", "STEP_COMPLETED", "STATUS_CHANGED",
                "ASSIGNED", "STEP_COMPLETED", "STATUS_CHANGED");
        assertThat(ticket.timeline()).filteredOn(e -> e.type().equals("STEP_COMPLETED"))
                .extracting(TimelineEntry::summary).containsExactly("受理咨询", "处理咨询", "反馈客户", "回访确认");
        assertThat(ticket.timeline()).filteredOn(e -> e.type().equals("PUBLIC_REPLY"))
                .singleElement().satisfies(e -> {
                    assertThat(e.body()).isEqualTo("请重启路由器后重试");
                    assertThat(e.actor()).isEqualTo("alice");
                });
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance.getId()).count())
                .as("replies and notes live in the timeline, not in process variables").isZero();
    }

    @Test
    void inquiry_the_customer_does_not_confirm_is_reopened_and_handled_again() {
        String number = openInquiry();
        ProcessInstance instance = processOf(number);
        workAs(instance, "alice", Map.of("priority", "normal"));
        workAs(instance, "alice", Map.of());
        workAs(instance, "alice", Map.of("publicReply", "已为您重置密码"));

        workAs(instance, "alice", Map.of("customerConfirmation", "not_resolved", "internalNote", "客户说还是登录不了"));

        assertThat(instance).isWaitingAt("handleInquiry").hasPassed("inquiryReopened");
        assertThat(status(number)).isEqualTo("in_progress");
        assertThat(queries.details(number).timeline()).filteredOn(e -> e.type().equals("STATUS_CHANGED"))
                .extracting(TimelineEntry::to)
                .containsExactly("in_progress", "resolved", "reopened", "in_progress");

        workAs(instance, "alice", Map.of());
        workAs(instance, "alice", Map.of("publicReply", "已修复账号锁定"));
        workAs(instance, "alice", Map.of("customerConfirmation", "confirmed"));
        assertThat(instance).isEnded().hasPassed("inquiryClosed");
        assertThat(status(number)).isEqualTo("closed");
    }

    @Test
    void inquiry_the_customer_leaves_unanswered_for_seven_days_closes_itself() {
        Instant repliedAt = Instant.parse("2026-03-02T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(repliedAt));
        String number = openInquiry();
        ProcessInstance instance = processOf(number);
        workAs(instance, "alice", Map.of("priority", "normal"));
        workAs(instance, "alice", Map.of());
        workAs(instance, "alice", Map.of("publicReply", "问题已处理，请确认"));
        assertThat(instance).isWaitingAt("confirmResolution");

        assertThat(job(instance)).hasDueDate(Date.from(repliedAt.plus(Duration.ofDays(7))));
        ClockUtil.setCurrentTime(Date.from(repliedAt.plus(Duration.ofDays(7)).plusSeconds(1)));
        identityService.clearAuthentication();
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed("inquiryAutoClosed").hasNotPassed("inquiryClosed");
        TicketDetails ticket = queries.details(number);
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
                "subject", "电话咨询：发票抬头", "channel", "phone", "customerName", "王五",
                "customerTier", "vip", "priority", "urgent", "field.orderNumber", "SO-9"));

        assertThat(instance).isWaitingAt("acceptInquiry").hasBusinessKey(instance.getBusinessKey());
        TicketDetails ticket = queries.details(instance.getBusinessKey());
        assertThat(ticket.number()).matches("TK-\\d{6}");
        assertThat(ticket.channel()).isEqualTo(Channel.phone);
        assertThat(ticket.customer().tier()).isEqualTo("vip");
        assertThat(ticket.fields()).containsEntry("orderNumber", "SO-9");
        assertThat(ticket.timeline()).first().satisfies(e -> assertThat(e.actor()).isEqualTo("alice"));
        assertThat(runtimeService.getVariables(instance.getId())).containsOnlyKeys(
                "group", "subject", "description", "customerName", "priority");
    }

    private String openInquiry() {
        return tickets.create(new CreateTicketRequest("inquiry", "登录不了", "提示密码错误", Channel.web,
                Priority.normal, "account", new CustomerDetails("张三", "zhang@example.com", null, "standard"),
                Map.of()), "alice").getNumber();
    }

    private ProcessInstance processOf(String number) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    private void workAs(ProcessInstance instance, String userId, Map<String, ?> formValues) {
        identityService.setAuthentication(userId, List.of("support"));
        taskService.claim(task(instance).getId(), userId);
        complete(task(instance), new HashMap<String, Object>(formValues));
    }

    private String status(String number) {
        return queries.details(number).status();
    }

    private static List<String> types(List<TimelineEntry> timeline) {
        return timeline.stream().map(TimelineEntry::type).toList();
    }
}

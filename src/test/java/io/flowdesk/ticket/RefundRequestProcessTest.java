package io.flowdesk.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.security.TestViewers;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.TicketViews.SlaView;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
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
class RefundRequestProcessTest {

    static final String TYPE = "refund-request";
    /** Monday 2026-03-02 09:00 in Asia/Shanghai. */
    static final Instant MONDAY_OPENING = Instant.parse("2026-03-02T01:00:00Z");
    /** The departments that work a refund request, with the agent who claims a task no one was assigned. */
    static final Map<String, String> AGENT_OF = Map.of("support", "alice", "finance", "fiona");

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TicketService tickets;
    @Autowired TicketQueries queries;
    @Autowired TestRestTemplate http;

    @BeforeEach
    void setUp() {
        init(processEngine);
        setClock(MONDAY_OPENING);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void an_approved_refund_is_paid_by_finance_then_support_tells_the_customer_and_the_ticket_closes() {
        String number = openRefundRequest("申请退款：重复扣款", "同一订单扣了两次");
        ProcessInstance instance = processOf(number);

        assertThat(instance).isWaitingAt("reviewRefundRequest");
        assertThat(task(instance)).as("routed to support, not to finance by the word 退款")
                .hasCandidateGroupAssociated("support");
        TicketDetails opened = details(number);
        assertThat(opened.status()).isEqualTo("new");
        assertThat(opened.group()).isEqualTo("support");
        assertThat(opened.fields()).containsEntry("orderNumber", "SO-4001").containsEntry("refundAmount", "88.50");
        assertThat(opened.sla()).extracting(SlaView::state).containsOnly("running");

        work(instance, Map.of("refundDecision", "approved", "priority", "high", "internalNote", "确认重复扣款"));

        assertThat(instance).isWaitingAt("payRefund");
        assertThat(task(instance)).hasCandidateGroupAssociated("finance");
        assertThat(task(instance).getAssignee()).isIn("fiona", "frank");
        TicketDetails atFinance = details(number);
        assertThat(atFinance.status()).isEqualTo("in_progress");
        assertThat(atFinance.priority()).isEqualTo(Priority.high);
        assertHeldBy(atFinance, "finance", task(instance).getAssignee());
        assertThat(lastHandOff(atFinance)).isEqualTo("support → finance at 财务打款");
        assertThat(clock(atFinance, "firstResponse").state()).as("the review is the first response").isEqualTo("met");
        assertThat(numbersOf("finance")).contains(number);

        work(instance, Map.of("paymentReference", "PAY-20260302-7"));

        assertThat(instance).isWaitingAt("notifyCustomer");
        assertThat(task(instance)).hasCandidateGroupAssociated("support");
        TicketDetails paid = details(number);
        assertThat(paid.status()).as("paid: resolved while support tells the customer").isEqualTo("resolved");
        assertThat(paid.resolvedAt()).isNotNull();
        assertHeldBy(paid, "support", task(instance).getAssignee());
        assertThat(lastHandOff(paid)).isEqualTo("finance → support at 通知客户");
        assertThat(runtimeService.getVariable(instance.getId(), "paymentReference")).as("the form shows it")
                .isEqualTo("PAY-20260302-7");
        assertThat(clock(paid, "resolution").state()).as("met when the customer is told").isEqualTo("running");

        work(instance, Map.of("publicReply", "您的退款 88.50 元已原路退回，预计 1-3 个工作日到账。"));

        assertThat(instance).isEnded().hasPassed("refundCompleted", "refundClosed").hasNotPassed("refundRejected");
        TicketDetails closed = details(number);
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
        ProcessInstance instance = processOf(number);

        work(instance, Map.of("refundDecision", "rejected", "internalNote", "超过退款期限"));

        assertThat(instance).isWaitingAt("explainRefundRejection").hasNotPassed("payRefund");
        assertThat(task(instance)).hasCandidateGroupAssociated("support");
        TicketDetails rejecting = details(number);
        assertThat(rejecting.status()).isEqualTo("in_progress");
        assertHeldBy(rejecting, "support", task(instance).getAssignee());

        work(instance, Map.of("publicReply", "很抱歉，订单已超过 30 天退款期限，无法退款。"));

        assertThat(instance).isEnded().hasPassed("rejectionExplained", "refundRejected")
                .hasNotPassed("payRefund", "notifyCustomer", "refundClosed");
        TicketDetails closed = details(number);
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
        ProcessInstance instance = processOf(number);
        SlaView firstResponse = clock(details(number), "firstResponse");
        assertThat(firstResponse.dueAt()).as("4 working hours, after the lunch break")
                .isEqualTo(Instant.parse("2026-03-02T06:30:00Z"));

        setClock(firstResponse.warningAt());
        execute(job("firstResponseWarningDue", instance));
        assertThat(clock(details(number), "firstResponse").state()).isEqualTo("warned");
        assertThat(task("reviewRefundRequest", instance).getPriority()).isGreaterThanOrEqualTo(90);

        setClock(firstResponse.dueAt());
        execute(job("firstResponseDue", instance));

        TicketDetails breached = details(number);
        assertThat(breached.priority()).isEqualTo(Priority.urgent);
        assertThat(clock(breached, "firstResponse").state()).isEqualTo("breached");
        assertThat(instance).isWaitingAt("reviewRefundRequest", "superviseLateFirstResponse");
        assertThat(task("superviseLateFirstResponse", instance)).hasCandidateGroupAssociated("support-supervisors")
                .isAssignedTo("sam");
        assertThat(breached.group()).isEqualTo("support");
        assertThat(types(breached)).contains("SLA_WARNING", "SLA_BREACHED", "PRIORITY_CHANGED");

        work(instance, Map.of("refundDecision", "rejected"));
        work(instance, Map.of("publicReply", "订单未发货前已取消，款项已自动退回。"));
        assertThat(instance).as("closing the ticket cancels the supervisors' task").isEnded();
        assertThat(clock(details(number), "firstResponse").state()).isEqualTo("breached");
    }

    @Test
    void a_refund_finance_leaves_unpaid_breaches_its_resolution_target_support_supervisors_then_managers_step_in() {
        String number = openRefundRequest("退款一直没到账", "审核通过后没有打款");
        ProcessInstance instance = processOf(number);
        work(instance, Map.of("refundDecision", "approved"));
        assertThat(instance).isWaitingAt("payRefund");
        String financeAgent = task(instance).getAssignee();
        SlaView resolution = clock(details(number), "resolution");

        setClock(resolution.warningAt());
        execute(job("resolutionWarningDue", instance));
        assertThat(details(number).timeline()).filteredOn(e -> e.type().equals("SLA_WARNING")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("resolution", financeAgent));

        setClock(resolution.dueAt());
        execute(job("resolutionDue", instance));
        assertThat(instance).isWaitingAt("payRefund", "superviseBreachedRefundRequest");
        assertThat(task("superviseBreachedRefundRequest", instance))
                .as("the supervisors of the department that owns the request")
                .hasCandidateGroupAssociated("support-supervisors").isAssignedTo("sam");
        TicketDetails breached = details(number);
        assertThat(breached.priority()).isEqualTo(Priority.urgent);
        assertThat(task("payRefund", instance).getPriority()).isEqualTo(100);
        assertHeldBy(breached, "finance", financeAgent);

        setClock(job("resolutionSecondLevelDue", instance).getDuedate().toInstant());
        execute(job("resolutionSecondLevelDue", instance));
        assertThat(instance).isWaitingAt("payRefund", "superviseBreachedRefundRequest", "managersReviewBreach");
        assertThat(task("managersReviewBreach", instance)).hasCandidateGroupAssociated("managers").isAssignedTo("mia");
        assertThat(types(details(number))).containsSubsequence("SLA_WARNING", "SLA_BREACHED", "SLA_ESCALATED");

        complete(task("superviseBreachedRefundRequest", instance), "support-supervisors",
                Map.of("internalNote", "已催财务部"));
        work(instance, Map.of("paymentReference", "PAY-LATE-1"));
        work(instance, Map.of("publicReply", "退款已打出，抱歉久等。"));
        assertThat(instance).as("closing the ticket cancels the managers' task").isEnded().hasPassed("refundClosed");
        assertThat(clock(details(number), "resolution").state()).isEqualTo("breached");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void the_type_is_listed_with_its_fields_and_refuses_a_request_without_order_number_or_amount() {
        JsonNode type = null;
        for (JsonNode listed : get("alice", "/api/ticket-types").getBody()) {
            if (listed.get("key").asText().equals(TYPE)) {
                type = listed;
            }
        }
        assertThat(type).as(TYPE + " is listed").isNotNull();
        assertThat(type.get("name").asText()).isEqualTo("退款申请工单");
        assertThat(type.get("defaultGroup").asText()).isEqualTo("support");
        assertThat(type.get("description").asText()).contains("财务部打款", "finance");
        List<String> fields = new ArrayList<>();
        type.get("fields").forEach(field -> fields.add(field.get("name").asText() + ":" + field.get("type").asText()
                + (field.get("required").asBoolean() ? ":required" : "")));
        assertThat(fields).containsExactly("orderNumber:text:required", "refundAmount:number:required");

        ResponseEntity<JsonNode> refused = post("alice", "/api/tickets", """
                {"type":"refund-request","subject":"退款","customer":{"name":"李四"},"fields":{"refundAmount":"一百"}}""");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").toString()).contains("fields.orderNumber", "fields.refundAmount");
    }

    @Test
    void a_refund_request_opened_through_the_api_is_walked_to_closed_by_support_and_finance() {
        ResponseEntity<JsonNode> created = post("alice", "/api/tickets", """
                {"type":"refund-request","subject":"申请退款：订单取消","description":"订单已取消，请退款",
                 "channel":"email","priority":"normal",
                 "customer":{"name":"周八","email":"zhou@example.com","tier":"standard"},
                 "fields":{"orderNumber":"SO-6001","refundAmount":"120"}}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = created.getBody().get("number").asText();
        assertThat(created.getBody().get("group").asText()).isEqualTo("support");

        completeThroughApi(number, "reviewRefundRequest", "support", """
                {"variables":{"refundDecision":"approved","internalNote":"订单确已取消"}}""");
        JsonNode atFinance = apiTicket("fiona", number);
        assertThat(atFinance.get("group").asText()).isEqualTo("finance");
        assertThat(apiTicket("alice", number).get("group").asText()).as("support still sees where it went")
                .isEqualTo("finance");

        completeThroughApi(number, "payRefund", "finance", """
                {"variables":{"paymentReference":"PAY-API-1"}}""");
        JsonNode resolved = apiTicket("alice", number);
        assertThat(resolved.get("group").asText()).isEqualTo("support");
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(apiTicket("fiona", number).get("group").asText()).as("finance, which held it, still sees it")
                .isEqualTo("support");

        completeThroughApi(number, "notifyCustomer", "support", """
                {"variables":{"publicReply":"退款 120 元已打出。"}}""");

        JsonNode closed = apiTicket("alice", number);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("currentTasks")).isEmpty();
        List<String> handOffs = new ArrayList<>();
        closed.get("timeline").forEach(entry -> {
            if (entry.get("type").asText().equals("HANDED_OFF")) {
                handOffs.add(entry.get("from").asText() + " → " + entry.get("to").asText() + " at "
                        + entry.get("summary").asText());
            }
        });
        assertThat(handOffs).containsExactly("support → finance at 财务打款", "finance → support at 通知客户");
    }

    // ---- engine-side helpers

    private String openRefundRequest(String subject, String description) {
        return tickets.create(new CreateTicketRequest(TYPE, subject, description, Channel.web, Priority.normal, null,
                new CustomerDetails("李四", "li@example.com", null, "standard", null),
                Map.of("orderNumber", "SO-4001", "refundAmount", "88.50")), TestViewers.ALICE).number();
    }

    private ProcessInstance processOf(String number) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(TYPE).singleResult();
    }

    /**
     * Completes the ticket's one open work task (not an escalation task) as an agent of its department: its
     * assignee, else the department's agent who claims it.
     */
    private void work(ProcessInstance instance, Map<String, ?> formValues) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskCandidateGroupIn(List.copyOf(AGENT_OF.keySet())).includeAssignedTasks().singleResult();
        assertThat(task).as("one open work task").isNotNull();
        complete(task, departmentOf(task), formValues);
    }

    private void complete(Task task, String group, Map<String, ?> formValues) {
        String agent = task.getAssignee();
        if (agent == null) {
            agent = AGENT_OF.get(group);
            taskService.claim(task.getId(), agent);
        }
        identityService.setAuthentication(agent, List.of(group));
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(task, new HashMap<>(formValues));
        identityService.clearAuthentication();
    }

    private String departmentOf(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(AGENT_OF::containsKey).findFirst().orElseThrow();
    }

    private TicketDetails details(String number) {
        return queries.details(number, TestViewers.ADMIN);
    }

    private List<String> numbersOf(String group) {
        return queries.search(new TicketFilter(null, TYPE, group, null, null, null, null, null),
                        org.springframework.data.domain.PageRequest.of(0, 100), TestViewers.ADMIN)
                .items().stream().map(TicketViews.TicketSummary::number).toList();
    }

    private static void assertHeldBy(TicketDetails ticket, String group, String assignee) {
        assertThat(ticket.group()).as("the ticket follows the department of its open task").isEqualTo(group);
        assertThat(ticket.assignee()).as("and its assignee").isEqualTo(assignee);
    }

    private static String lastHandOff(TicketDetails ticket) {
        List<String> handOffs = handOffs(ticket);
        assertThat(handOffs).isNotEmpty();
        return handOffs.get(handOffs.size() - 1);
    }

    private static List<String> handOffs(TicketDetails ticket) {
        return ticket.timeline().stream().filter(e -> e.type().equals("HANDED_OFF"))
                .map(e -> e.from() + " → " + e.to() + " at " + e.summary()).toList();
    }

    private static List<String> steps(TicketDetails ticket) {
        return ticket.timeline().stream().filter(e -> e.type().equals("STEP_COMPLETED"))
                .map(TimelineEntry::summary).toList();
    }

    private static List<String> statusChanges(TicketDetails ticket) {
        return ticket.timeline().stream().filter(e -> e.type().equals("STATUS_CHANGED")).map(TimelineEntry::to)
                .toList();
    }

    private static List<String> types(TicketDetails ticket) {
        return ticket.timeline().stream().map(TimelineEntry::type).toList();
    }

    private static SlaView clock(TicketDetails ticket, String target) {
        return ticket.sla().stream().filter(sla -> sla.target().equals(target)).findFirst().orElseThrow();
    }

    private static void setClock(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    // ---- REST helpers

    /** Completes the ticket's open task of that step through the API as its assignee, or as the group's agent who claims it. */
    private void completeThroughApi(String number, String step, String group, String body) {
        JsonNode task = null;
        for (JsonNode current : apiTicket("admin", number).get("currentTasks")) {
            if (current.get("key").asText().equals(step)) {
                task = current;
            }
        }
        assertThat(task).as(step + " is open on " + number).isNotNull();
        assertThat(task.get("candidateGroups").toString()).contains(group);
        String path = "/api/tickets/" + number + "/tasks/" + task.get("id").asText();
        String agent = task.hasNonNull("assignee") ? task.get("assignee").asText() : AGENT_OF.get(group);
        if (!task.hasNonNull("assignee")) {
            assertThat(post(agent, path + "/claim", "{}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        ResponseEntity<JsonNode> completed = post(agent, path + "/complete", body);
        assertThat(completed.getStatusCode()).as(agent + " completes " + step + ": " + completed.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private JsonNode apiTicket(String user, String number) {
        ResponseEntity<JsonNode> ticket = get(user, "/api/tickets/" + number);
        assertThat(ticket.getStatusCode()).as(user + " reads " + number).isEqualTo(HttpStatus.OK);
        return ticket.getBody();
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, password(user)).getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password(user)).postForEntity(path, new HttpEntity<>(json, headers),
                JsonNode.class);
    }

    private static String password(String user) {
        return "admin".equals(user) ? "admin" : "demo";
    }
}

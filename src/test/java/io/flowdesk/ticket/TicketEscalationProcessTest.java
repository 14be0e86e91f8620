package io.flowdesk.ticket;

import io.flowdesk.security.TestViewers;
import io.flowdesk.ticket.CreateTicketRequest.CustomerDetails;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.flowdesk.ticket.TicketViews.TimelineEntry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Every path through processes/ticket-escalation.bpmn, the shared escalation (督办) the ticket types call once an SLA
 * target breaks: the supervisors of the ticket's department or the managers follow the ticket up, with the shared form,
 * and the ticket stays with the department and agent doing its work. Called here by inquiry's call activities, moved
 * to them directly (the ticket's number as business key, the level, the reason and the ticket's variables for the
 * form); that a type calls it once per level and ticket is each type's test's, as the gate is the type's, after its SLA
 * task.
 */
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(EngineClock.class)
class TicketEscalationProcessTest {

    static final Map<String, List<String>> GROUPS = Map.of("sam", List.of("support-supervisors", "support"),
            "ted", List.of("tech-supervisors"), "mia", List.of("managers"));
    static final Map<String, String> AGENT_OF = Map.of("support-supervisors", "sam", "tech-supervisors", "ted",
            "managers", "mia");

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TicketService ticketService;
    @Autowired TicketQueries queries;

    private TicketLookup tickets;
    private DemoAgents agents;

    @BeforeEach
    void setUp() {
        tickets = new TicketLookup("inquiry", runtimeService, queries);
        agents = new DemoAgents(taskService, identityService, AGENT_OF, GROUPS);
    }

    @Test
    void a_late_first_response_goes_to_the_supervisors_of_the_tickets_department_who_leave_it_where_it_is() {
        String number = openInquiry("打印机无法连接", "型号 P-200，连不上 Wi-Fi");
        TicketDetails before = tickets.details(number);
        assertThat(before.group()).as("routed to tech").isEqualTo("tech");

        ProcessInstance escalation = callFromInquiry(number, "supervisorsFollowUpLateFirstResponse");

        assertThat(escalation).isWaitingAt("supervisorsFollowUpTicket");
        assertThat(escalation.getBusinessKey()).as("the ticket's number, as for every step of the ticket")
                .isEqualTo(number);
        assertThat(runtimeService.getVariables(escalation.getId())).as("what the call hands over, and no more")
                .containsOnlyKeys("ticketNumber", "group", "subject", "customerName", "customerContact",
                        "escalationLevel", "escalationReason")
                .containsEntry("group", "tech").containsEntry("escalationLevel", "supervisors")
                .containsEntry("escalationReason", "lateFirstResponse");
        Task task = agents.task(Escalations.SUPERVISORS_TASK, number);
        DemoAgents.assertOfferedTo(task, "tech-supervisors", "ted");
        assertThat(task.getName()).isEqualTo("主管督办");
        assertThat(formRef(task).getKey()).isEqualTo("ticket-escalation-follow-up");
        assertThat(formRef(task).getBinding()).isEqualTo("latest");
        TicketDetails escalated = tickets.details(number);
        assertThat(escalated.group()).as("an escalation never moves the ticket").isEqualTo("tech");
        assertThat(escalated.assignee()).isEqualTo(before.assignee());
        assertThat(escalated.currentTasks()).as("listed with the ticket's tasks")
                .anySatisfy(open -> {
                    assertThat(open.key()).isEqualTo(Escalations.SUPERVISORS_TASK);
                    assertThat(open.candidateGroups()).containsExactly("tech-supervisors");
                });

        agents.work(number, Escalations.SUPERVISORS_TASK, Map.of("internalNote", "已催 tom 受理"));

        assertThat(escalation).isEnded().hasPassed("supervisorsFollowedUp");
        TicketDetails followedUp = tickets.details(number);
        assertThat(followedUp.group()).isEqualTo("tech");
        assertThat(followedUp.assignee()).isEqualTo(before.assignee());
        assertThat(followedUp.timeline()).extracting(TimelineEntry::type).doesNotContain("HANDED_OFF");
        assertThat(followedUp.timeline()).filteredOn(e -> e.type().equals("INTERNAL_NOTE")).singleElement()
                .satisfies(e -> assertThat(e.body()).isEqualTo("已催 tom 受理"));
        assertThat(followedUp.timeline()).filteredOn(e -> e.type().equals("STEP_COMPLETED"))
                .extracting(TimelineEntry::summary).containsExactly("主管督办");
        assertThat(tickets.processOf(number)).as("the ticket's own work goes on").isWaitingAt("acceptInquiry");
    }

    @Test
    void a_breach_that_persists_goes_to_the_managers() {
        String number = openInquiry("会员积分没有到账", "上周的订单");
        String department = tickets.details(number).group();

        ProcessInstance escalation = callFromInquiry(number, "managersFollowUpBreach");

        assertThat(escalation).isWaitingAt("managersFollowUpTicket");
        Task task = agents.task(Escalations.MANAGERS_TASK, number);
        DemoAgents.assertOfferedTo(task, "managers", "mia");
        assertThat(task.getName()).isEqualTo("经理督办");
        assertThat(formRef(task).getKey()).isEqualTo("ticket-escalation-follow-up");
        assertThat(tickets.details(number).group()).isEqualTo(department);

        agents.work(number, Escalations.MANAGERS_TASK, Map.of("internalNote", "请今天内解决"));

        assertThat(escalation).isEnded().hasPassed("managersFollowedUp");
        assertThat(tickets.details(number).group()).isEqualTo(department);
        assertThat(tickets.details(number).timeline()).filteredOn(e -> e.type().equals("INTERNAL_NOTE"))
                .extracting(TimelineEntry::actor).containsExactly("mia");
    }

    @Test
    void a_level_it_does_not_know_is_refused_and_opens_nothing() {
        String number = openInquiry("会员等级没有更新", "上月已满额");

        assertThatThrownBy(() -> startDirectly(number, "board", "resolutionBreached"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("whoFollowsUp");

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(Escalations.PROCESS).count()).isZero();
    }

    /** The ticket's process runs the call activity (as when its SLA task found the breach new); the called step. */
    private ProcessInstance callFromInquiry(String number, String callActivity) {
        String ticketProcess = tickets.processOf(number).getId();
        runtimeService.createProcessInstanceModification(ticketProcess).startBeforeActivity(callActivity).execute();
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(ticketProcess)
                .processDefinitionKey(Escalations.PROCESS).singleResult();
    }

    /** With the variables a type's call activity hands over, but any level and reason. */
    private ProcessInstance startDirectly(String number, String level, String reason) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : List.of("ticketNumber", "group", "subject", "customerName", "customerContact")) {
            variables.put(name, runtimeService.getVariable(tickets.processOf(number).getId(), name));
        }
        variables.put("escalationLevel", level);
        variables.put("escalationReason", reason);
        return runtimeService.startProcessInstanceByKey(Escalations.PROCESS, number, variables);
    }

    private CamundaFormRef formRef(Task task) {
        return taskService.createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult()
                .getCamundaFormRef();
    }

    private String openInquiry(String subject, String description) {
        return ticketService.create(new CreateTicketRequest("inquiry", subject, description, Channel.web,
                Priority.normal, null, new CustomerDetails("赵六", "zhao@example.com", null, "standard", null),
                Map.of()), TestViewers.ALICE).number();
    }
}

package io.flowdesk.tickettype;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.common.BpmnProperties;
import io.flowdesk.sla.SlaEscalation;
import io.flowdesk.sla.SlaTarget;
import io.flowdesk.sla.SlaTimerDates;
import io.flowdesk.ticket.Ticket;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.ReflectionTestUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue 26, item 5: a ticket type that breaks the convention is refused when it is deployed, by the Java API and by
 * engine REST as Camunda Modeler calls it, with the file, the element id and what to fix. The model under test is
 * {@code ticket-type-checks/checked-type.bpmn}, which keeps every rule; each test breaks one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class TicketTypeChecksTest {

    private static final String FILE = "checked-type.bpmn";
    private static final String FORM_FILE = "checked-type-handle.form";

    @Autowired RepositoryService repositoryService;
    @Autowired TestRestTemplate http;
    @Autowired TicketTypeCatalog ticketTypes;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeWhatWasDeployed() {
        deployments.forEach(deployment -> repositoryService.deleteDeployment(deployment, true));
    }

    // ------------------------------------------------------------------------------------------- what deploys

    @Test
    void a_ticket_type_that_keeps_the_convention_deploys_with_its_form() {
        deploy(model(), true);

        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("checkedType").count())
                .isEqualTo(1);
    }

    @Test
    void a_form_deployed_before_counts_for_a_later_deployment_of_the_process() {
        deploy(model(), true);

        deploy(model().replace("name=\"检查工单\"", "name=\"检查工单 v2\""), false);

        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("checkedType").count())
                .isEqualTo(2);
    }

    @Test
    void inquiry_passed_the_checks_at_start_up_and_still_deploys() {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("inquiry").count())
                .as("deployed at start-up, through the checks").isPositive();

        String inquiry = file("processes/inquiry.bpmn").replace("id=\"inquiry\"", "id=\"inquiryChecked\"")
                .replace("bpmnElement=\"inquiry\"", "bpmnElement=\"inquiryChecked\"");
        deployments.add(repositoryService.createDeployment().name("inquiry-checked")
                .addString("inquiry.bpmn", inquiry).deploy().getId());

        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("inquiryChecked").count())
                .isEqualTo(1);
    }

    @Test
    void what_may_be_meant_deploys_and_is_logged_as_a_warning_with_file_and_element(CapturedOutput output) {
        String withoutFormClocksOrGroup = model()
                .replace(" camunda:formRef=\"checked-type-handle\" camunda:formRefBinding=\"latest\"", "")
                .replace("${startSlaClocks}", "${routeTicket}")
                .replace("<camunda:property name=\"flowdesk.defaultGroup\" value=\"support\" />", "");

        deploy(withoutFormClocksOrGroup, false);

        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("checkedType").count())
                .isEqualTo(1);
        assertThat(output.getOut()).contains(FILE)
                .contains("user task 'handleRequest': no form; Tasklist shows the agent only the process variables")
                .contains("process 'checkedType': ticket type that starts no SLA clocks")
                .contains("process 'checkedType': ticket type without flowdesk.defaultGroup");
    }

    @Test
    void shared_processes_keep_only_the_property_names_not_the_ticket_type_rules() {
        String shared = model().replace("<camunda:property name=\"flowdesk.ticketType\" value=\"true\" />", "")
                .replace(" camunda:candidateGroups=\"${group}\"", "")
                .replace("${routeTicket}", "${startSlaClocks}");

        deploy(shared, false);

        assertThat(errors(shared.replace("name=\"flowdesk.sla.met\"", "name=\"flowdesk.sla.mets\"")))
                .extracting(Problem::getMainElementId).containsExactly("handleRequest");
    }

    @Test
    void the_shipped_shared_steps_pass_the_checks_as_shared_processes_and_are_no_ticket_types() {
        for (String step : List.of("customerConfirmation", "ticketEscalation")) {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(step).count())
                    .as(step + " deployed at start-up, through the checks").isPositive();
            assertThat(ticketTypes.keys()).as("called by the types, not opened as one").doesNotContain(step);
        }
        String escalation = file("processes/ticket-escalation.bpmn")
                .replace("id=\"ticketEscalation\"", "id=\"ticketEscalationChecked\"")
                .replace("bpmnElement=\"ticketEscalation\"", "bpmnElement=\"ticketEscalationChecked\"");
        assertThat(escalation).doesNotContain(BpmnProperties.TICKET_TYPE);
        deployments.add(repositoryService.createDeployment().name("escalation-checked")
                .addString("ticket-escalation.bpmn", escalation).deploy().getId());

        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("ticketEscalationChecked")
                .count()).isEqualTo(1);
    }

    // -------------------------------------------------------------------------------------- what is refused

    @Test
    void an_unknown_flowdesk_property_is_refused_with_the_name_it_probably_meant() {
        assertRefused(model().replace("name=\"flowdesk.sla.met\"", "name=\"flowdesk.sla.mets\""), "handleRequest",
                "user task 'handleRequest': unknown property 'flowdesk.sla.mets'; did you mean flowdesk.sla.met?"
                        + " Known are flowdesk.ticketType, flowdesk.defaultGroup, flowdesk.status, flowdesk.sla.met,"
                        + " flowdesk.sla.pause, flowdesk.sla.restart, flowdesk.assignment and flowdesk.field.<name>");
    }

    @Test
    void a_known_property_with_a_value_it_does_not_allow_is_refused() {
        assertRefused(model().replace("name=\"flowdesk.sla.met\" value=\"resolution\"",
                        "name=\"flowdesk.sla.met\" value=\"resolve\""), "handleRequest",
                "user task 'handleRequest': flowdesk.sla.met 'resolve' is not allowed;"
                        + " use one of firstResponse, resolution");
        assertRefused(model().replace("<camunda:property name=\"flowdesk.sla.met\" value=\"resolution\" />",
                        "<camunda:property name=\"flowdesk.assignment\" value=\"manual\" />"), "handleRequest",
                "user task 'handleRequest': flowdesk.assignment 'manual' is not allowed; the only value is queue"
                        + " (leave the property out to assign the task by workload)");
        assertRefused(model().replace("<camunda:property name=\"flowdesk.defaultGroup\" value=\"support\" />",
                        "<camunda:property name=\"flowdesk.field.amount\" value=\"money\" />"), "checkedType",
                "process 'checkedType': flowdesk.field.amount: field 'amount': 'money' is neither a type (text,"
                        + " number, date, boolean, choice, choice:a,b) first, nor 'required', nor 'label=…'");
        assertRefused(model().replace("name=\"flowdesk.ticketType\" value=\"true\"",
                        "name=\"flowdesk.ticketType\" value=\"yes\""), "checkedType",
                "process 'checkedType': flowdesk.ticketType 'yes' is not allowed; the only value is true"
                        + " (leave the property out for a process that is no ticket type)");
    }

    @Test
    void a_status_that_is_no_ticket_status_is_refused() {
        assertRefused(model().replace("name=\"flowdesk.status\" value=\"closed\"",
                        "name=\"flowdesk.status\" value=\"done\""), "requestClosed",
                "end event 'requestClosed': flowdesk.status 'done' is not allowed;"
                        + " use one of new, in_progress, pending_customer, resolved, closed, reopened");
    }

    @Test
    void a_form_ref_that_names_no_deployed_form_is_refused() {
        assertRefused(model().replace("camunda:formRef=\"checked-type-handle\"",
                        "camunda:formRef=\"checked-type-hadnle\""), "handleRequest",
                "user task 'handleRequest': formRef 'checked-type-hadnle' names no deployed form;"
                        + " deploy forms/checked-type-hadnle.form (a Camunda Form with id checked-type-hadnle)"
                        + " with the process or fix the formRef");
    }

    @Test
    void a_form_bound_to_the_deployment_must_come_with_the_process() {
        deploy(model(), true);

        assertRefused(model().replace("camunda:formRefBinding=\"latest\"", "camunda:formRefBinding=\"deployment\""),
                false, "handleRequest", "user task 'handleRequest': formRef 'checked-type-handle' (binding deployment)"
                        + " names no form of this deployment; deploy forms/checked-type-handle.form (a Camunda Form"
                        + " with id checked-type-handle) with the process or fix the formRef");
    }

    @Test
    void a_user_task_without_candidate_group_or_assignee_is_refused() {
        assertRefused(model().replace(" camunda:candidateGroups=\"${group}\"", ""), "handleRequest",
                "user task 'handleRequest': no candidate group, so no agent's queue shows the task; set Candidate"
                        + " groups to ${group} (the ticket's department), another group, or an assignee expression");
    }

    @Test
    void an_sla_timer_without_its_target_is_refused() {
        assertRefused(model().replace("slaClock.dueAt(execution, 'resolution')", "slaClock.dueAt(execution)"),
                "resolutionDue", "boundary event 'resolutionDue': SLA timer slaClock.dueAt(execution) names no SLA"
                        + " target; write slaClock.dueAt(execution, 'firstResponse') or 'resolution'");
        assertRefused(model().replace("slaClock.dueAt(execution, 'resolution')", "slaClock.dueAt(execution, 'resolve')"),
                "resolutionDue", "boundary event 'resolutionDue': SLA timer slaClock.dueAt(execution, 'resolve')"
                        + " names 'resolve', which is no SLA target; use 'firstResponse' or 'resolution'");
    }

    @Test
    void an_sla_escalation_without_its_target_is_refused() {
        assertRefused(model().replace("slaEscalation.breach(execution, 'resolution')",
                        "slaEscalation.breach(execution)"), "escalateLateRequest",
                "service task 'escalateLateRequest': SLA escalation slaEscalation.breach(execution) names no SLA"
                        + " target; write slaEscalation.breach(execution, 'firstResponse') or 'resolution'");
    }

    @Test
    void a_ticket_type_without_a_routing_step_nor_default_group_is_refused() {
        assertRefused(model().replace("${routeTicket}", "${startSlaClocks}")
                        .replace("<camunda:property name=\"flowdesk.defaultGroup\" value=\"support\" />", ""),
                "checkedType", "process 'checkedType': ticket type without a routing step nor flowdesk.defaultGroup,"
                        + " so every ticket would land in 'support'; add a service task with Delegate expression"
                        + " ${routeTicket} after the start event, before the first user task, or name the department"
                        + " in flowdesk.defaultGroup");
    }

    @Test
    void a_ticket_type_without_a_routing_step_keeps_its_default_group_and_is_warned(CapturedOutput output) {
        deploy(model().replace("${routeTicket}", "${startSlaClocks}"), true);

        assertThat(output.getOut()).contains("process 'checkedType': ticket type without a routing step, so every"
                + " ticket stays in its default group 'support'");
    }

    @Test
    void a_user_task_reached_before_the_routing_step_is_refused() {
        String routingPassedBy = model().replace(
                "sourceRef=\"requestSubmitted\" targetRef=\"routeTicket\"",
                "sourceRef=\"requestSubmitted\" targetRef=\"startSlaClocks\"");

        assertRefused(routingPassedBy, "handleRequest", "user task 'handleRequest': reached before the routing"
                + " step, so it goes to the default group before the routing table chose the department; put the"
                + " service task ${routeTicket} on every path from the start event to this task");
    }

    @Test
    void every_broken_rule_of_a_model_is_reported_at_once() {
        String twiceBroken = model().replace(" camunda:candidateGroups=\"${group}\"", "")
                .replace("name=\"flowdesk.status\" value=\"closed\"", "name=\"flowdesk.status\" value=\"done\"");

        assertThat(errors(twiceBroken)).extracting(Problem::getMainElementId)
                .containsExactlyInAnyOrder("handleRequest", "requestClosed");
    }

    @Test
    void engine_rest_answers_modeler_400_with_the_file_element_and_what_to_fix() {
        String brokenFormRef = model().replace("camunda:formRef=\"checked-type-handle\"",
                "camunda:formRef=\"checked-type-hadnle\"");

        ResponseEntity<JsonNode> answer = deployThroughEngineRest(Map.of(FILE, brokenFormRef));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        JsonNode body = answer.getBody();
        assertThat(body.get("type").asText()).isEqualTo("ParseException");
        assertThat(body.get("message").asText()).contains(FILE)
                .contains("user task 'handleRequest': formRef 'checked-type-hadnle' names no deployed form");
        JsonNode error = body.at("/details/" + FILE + "/errors/0");
        assertThat(error.get("mainElementId").asText()).isEqualTo("handleRequest");
        assertThat(error.get("line").asInt()).isPositive();
        assertThat(error.get("message").asText()).startsWith("user task 'handleRequest': formRef 'checked-type-hadnle'");
    }

    @Test
    void engine_rest_deploys_a_valid_type_with_its_form_in_the_same_request() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(FILE, model());
        files.put(FORM_FILE, resource(FORM_FILE));

        ResponseEntity<JsonNode> answer = deployThroughEngineRest(files);

        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        deployments.add(answer.getBody().get("id").asText());
    }

    // ------------------------------------------------------------- the copied lists follow their originals

    @Test
    void the_known_statuses_include_the_tickets_own_and_every_status_the_shipped_processes_set() throws IOException {
        assertThat(TicketTypeConvention.STATUSES).contains(Ticket.INITIAL_STATUS, Ticket.RESOLVED, Ticket.CLOSED);
        try (Stream<Path> processes = Files.list(Path.of("processes"))) {
            List<String> used = processes.filter(path -> path.toString().endsWith(".bpmn"))
                    .flatMap(path -> statusesIn(file(path.toString())).stream()).toList();
            assertThat(used).isNotEmpty();
            assertThat(TicketTypeConvention.STATUSES).containsAll(used);
        }
    }

    @Test
    void the_sla_targets_and_calls_are_those_of_the_sla_package() {
        assertThat(TicketTypeConvention.SLA_TARGETS)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(SlaTarget.values()).map(SlaTarget::bpmnName).toList());
        assertThat(TicketTypeConvention.SLA_CLOCK_METHODS)
                .containsExactlyInAnyOrderElementsOf(slaMethods(SlaTimerDates.class));
        assertThat(TicketTypeConvention.SLA_ESCALATION_METHODS)
                .containsExactlyInAnyOrderElementsOf(slaMethods(SlaEscalation.class));
    }

    @Test
    void the_assignment_property_is_the_one_routing_reads() throws ClassNotFoundException {
        Class<?> routingPlugin = Class.forName("io.flowdesk.routing.RoutingPlugin");

        assertThat(TicketTypeConvention.ASSIGNMENT).isEqualTo(ReflectionTestUtils.getField(routingPlugin, "ASSIGNMENT"));
        assertThat(TicketTypeConvention.ASSIGNMENTS).containsExactly((String) ReflectionTestUtils.getField(routingPlugin,
                "QUEUE"));
    }

    @Test
    void every_flowdesk_property_of_the_bpmn_properties_is_known() {
        List<String> declared = Arrays.stream(BpmnProperties.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(field -> (String) ReflectionTestUtils.getField(BpmnProperties.class, field.getName()))
                .filter(value -> value.startsWith(FlowdeskProperty.PREFIX)).toList();

        assertThat(FlowdeskProperty.names()).containsAll(declared);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String model() {
        return resource(FILE);
    }

    private void deploy(String bpmn, boolean withForm) {
        DeploymentBuilder builder = repositoryService.createDeployment().name("ticket-type-checks").addString(FILE, bpmn);
        if (withForm) {
            builder.addString(FORM_FILE, resource(FORM_FILE));
        }
        deployments.add(builder.deploy().getId());
    }

    /** The errors the engine refuses the model with, the file name checked in the exception's message. */
    private List<Problem> errors(String bpmn) {
        return errors(bpmn, true);
    }

    private List<Problem> errors(String bpmn, boolean withForm) {
        Throwable refused = catchThrowable(() -> deploy(bpmn, withForm));
        assertThat(refused).as("refused").isInstanceOf(ParseException.class);
        assertThat(refused.getMessage()).contains(FILE);
        return ((ParseException) refused).getResorceReports().stream().flatMap(report -> report.getErrors().stream()).toList();
    }

    private void assertRefused(String bpmn, String elementId, String message) {
        assertRefused(bpmn, true, elementId, message);
    }

    private void assertRefused(String bpmn, boolean withForm, String elementId, String message) {
        assertThat(errors(bpmn, withForm)).anySatisfy(error -> {
            assertThat(error.getMainElementId()).isEqualTo(elementId);
            assertThat(error.getMessage()).isEqualTo(message);
            assertThat(error.getLine()).isPositive();
        });
    }

    /** As Camunda Modeler deploys: multipart/form-data with a deployment name and the files. */
    private ResponseEntity<JsonNode> deployThroughEngineRest(Map<String, String> files) {
        String boundary = "flowdesk-" + System.nanoTime();
        StringBuilder body = new StringBuilder("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nticket-type-checks\r\n");
        files.forEach((name, content) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"; filename=\"")
                .append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content)
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
        return http.withBasicAuth("admin", "admin").exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(body.toString().getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    private static List<String> statusesIn(String bpmn) {
        Matcher status = Pattern.compile("name=\"flowdesk\\.status\" value=\"([^\"]*)\"").matcher(bpmn);
        List<String> statuses = new ArrayList<>();
        while (status.find()) {
            statuses.add(status.group(1));
        }
        return statuses;
    }

    /** The public methods a BPMN calls as {@code bean.method(execution, 'target')}. */
    private static List<String> slaMethods(Class<?> bean) {
        return Arrays.stream(bean.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .filter(method -> Arrays.equals(method.getParameterTypes(),
                        new Class<?>[] {DelegateExecution.class, String.class}))
                .map(Method::getName).toList();
    }

    private static String resource(String name) {
        return file("src/test/resources/ticket-type-checks/" + name);
    }

    private static String file(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

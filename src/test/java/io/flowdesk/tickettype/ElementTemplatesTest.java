package io.flowdesk.tickettype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowdesk.common.BpmnProperties;
import io.flowdesk.sla.SlaTarget;
import io.flowdesk.ticket.Ticket;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.type.ModelElementType;
import org.camunda.bpm.model.xml.type.attribute.Attribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

/**
 * Issue 26, item 4: the Camunda Modeler element templates in {@code element-templates/} (Camunda 7 format), in three
 * layers. Each template is well-formed as the element-templates JSON schema and Modeler demand, with Camunda 7
 * bindings only (the schema itself is not in the repository: its rules that our templates touch are checked here). Each
 * element of inquiry.bpmn (and of the other shipped processes) with Flowdesk bindings is one a template gives all of
 * them, with the same values. And a ticket type drawn with nothing but the templates, applied as Modeler applies them
 * and deployed through engine REST as an analyst deploys, runs: routed, clocks started, statuses changed, a paused and a
 * restarted clock, a queue task, and timers that warn, breach and escalate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ElementTemplatesTest {

    static final Path TEMPLATES = Path.of("element-templates");
    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;
    @Autowired ProcessEngine processEngine;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    // ============================================================================================ each template

    @Nested
    class EachTemplate {

        @Test
        void every_file_is_a_json_array_of_camunda_7_templates_with_a_unique_id_and_a_bilingual_name() {
            Set<String> ids = new HashSet<>();
            for (Template template : Template.all()) {
                assertThat(template.json().path("$schema").asText()).as(template + ": the Camunda 7 schema")
                        .isEqualTo(SCHEMA);
                assertThat(template.id()).as(template + " id").startsWith("io.flowdesk.");
                assertThat(ids.add(template.id())).as(template + ": ids are unique").isTrue();
                assertThat(template.json().path("version").isInt()).as(template + " version").isTrue();
                assertThat(template.name()).as(template + " name, in Chinese and English").matches(".*\\p{IsHan}.*")
                        .matches(".*[A-Za-z]{3,}.*");
                assertThat(template.json().path("description").asText()).as(template + " description").hasSizeGreaterThan(40);
                assertThat(template.properties()).as(template + " properties").isNotEmpty();
            }
            assertThat(ids).as("the building blocks of the convention for analysts").contains("io.flowdesk.ticketType",
                    "io.flowdesk.routeTicket", "io.flowdesk.startSlaClocks", "io.flowdesk.slaWarningTimer",
                    "io.flowdesk.slaBreachTimer", "io.flowdesk.slaSecondLevelTimer", "io.flowdesk.slaWarn",
                    "io.flowdesk.slaBreach", "io.flowdesk.slaEscalateSecondLevel", "io.flowdesk.status",
                    "io.flowdesk.sla.pause", "io.flowdesk.sla.restart", "io.flowdesk.sla.met",
                    "io.flowdesk.departmentTask", "io.flowdesk.queueTask", "io.flowdesk.ticketEscalation");
        }

        @Test
        void applies_to_and_element_type_name_bpmn_types_and_the_element_type_is_one_they_apply_to() {
            for (Template template : Template.all()) {
                assertThat(template.appliesTo()).as(template + " appliesTo").isNotEmpty()
                        .allSatisfy(type -> assertThat(BpmnTypes.of(type)).as(template + ": " + type).isNotNull());
                template.elementType().ifPresent(type -> assertThat(template.appliesTo())
                        .as(template + ": its element type " + type + " is one it applies to")
                        .anyMatch(appliesTo -> BpmnTypes.is(BpmnTypes.of(type), appliesTo)));
            }
        }

        @Test
        void every_binding_is_a_camunda_7_binding_with_a_field_type_it_allows_and_the_keys_it_needs() {
            for (Template template : Template.all()) {
                Set<String> bindings = new HashSet<>();
                for (JsonNode property : template.properties()) {
                    String type = Bindings.type(property);
                    assertThat(Bindings.FIELD_TYPES).as(template + ": a Camunda 7 binding").containsKey(type);
                    assertThat(Bindings.FIELD_TYPES.get(type)).as(template + ": " + Bindings.key(property) + " field type")
                            .contains(property.path("type").asText());
                    Bindings.REQUIRED_KEYS.getOrDefault(type, List.of()).forEach(key -> assertThat(
                            property.path("binding").path(key).asText()).as(template + ": binding " + key).isNotBlank());
                    assertThat(bindings.add(Bindings.key(property))).as(template + ": each binding once").isTrue();
                }
            }
        }

        @Test
        void every_attribute_a_template_sets_exists_on_the_elements_it_applies_to() {
            for (Template template : Template.all()) {
                for (JsonNode property : template.properties()) {
                    if (Bindings.type(property).equals("property")) {
                        String name = property.path("binding").path("name").asText();
                        template.targetTypes().forEach(type -> assertThat(BpmnTypes.hasAttribute(type, name))
                                .as("%s: %s has %s", template, type.getTypeName(), name).isTrue());
                    }
                }
            }
        }

        @Test
        void hidden_values_are_set_dropdowns_offer_distinct_choices_and_default_to_one_and_empty_fields_are_flagged() {
            for (Template template : Template.all()) {
                for (JsonNode property : template.properties()) {
                    String what = template + ": " + Bindings.key(property);
                    switch (property.path("type").asText()) {
                        case "Hidden" -> assertThat(property.path("value").asText()).as(what).isNotBlank();
                        case "Dropdown" -> {
                            List<String> values = Template.choices(property);
                            assertThat(values).as(what + " choices").isNotEmpty().doesNotHaveDuplicates()
                                    .allSatisfy(value -> assertThat(value).isNotBlank());
                            property.path("choices").forEach(choice ->
                                    assertThat(choice.path("name").asText()).as(what + " choice name").isNotBlank());
                            assertThat(values).as(what + ": the default is a choice")
                                    .contains(property.path("value").asText());
                        }
                        default -> assertThat(property.has("value") || property.at("/constraints/notEmpty").asBoolean())
                                .as(what + ": a default, or Modeler marks it empty").isTrue();
                    }
                }
            }
        }

        @Test
        void status_dropdowns_offer_the_known_statuses_and_no_others() {
            Set<String> known = knownStatuses();
            Map<String, List<String>> offered = Template.all().stream()
                    .flatMap(template -> template.dropdowns("flowdesk.status").map(choices -> Map.entry(template, choices)))
                    .collect(Collectors.toMap(entry -> entry.getKey().id(), Map.Entry::getValue));

            assertThat(offered).containsKey("io.flowdesk.status");
            assertThat(offered.get("io.flowdesk.status")).as("the status template: every status a ticket can have")
                    .containsExactlyInAnyOrderElementsOf(known);
            offered.forEach((template, choices) -> assertThat(known).as(template).containsAll(choices));
        }

        @Test
        void sla_target_dropdowns_offer_exactly_the_clocks_flowdesk_runs() {
            List<String> targets = Arrays.stream(SlaTarget.values()).map(SlaTarget::bpmnName).toList();
            Template.all().forEach(template -> Stream.of("flowdesk.sla.met", "flowdesk.sla.pause", "flowdesk.sla.restart")
                    .flatMap(template::dropdowns)
                    .forEach(choices -> assertThat(choices).as(template.id()).containsExactlyInAnyOrderElementsOf(targets)));
            Template.all().forEach(template -> template.dropdowns("camunda:expression").forEach(choices ->
                    assertThat(choices).as(template.id() + ": one choice per clock").hasSameSizeAs(targets)
                            .allSatisfy(expression -> assertThat(targets).anyMatch(t -> expression.contains("'" + t + "'")))));
        }

        @Test
        void each_sla_timer_names_the_timer_date_for_each_clock_in_its_description() {
            for (String timer : List.of("io.flowdesk.slaWarningTimer", "io.flowdesk.slaBreachTimer",
                    "io.flowdesk.slaSecondLevelTimer")) {
                Map<String, String> dates = Template.byId(timer).timerDates();
                assertThat(dates.keySet()).as(timer).containsExactlyInAnyOrder("firstResponse", "resolution");
                assertThat(dates.values().stream().map(date -> date.replaceAll("\\(.*", "")).distinct())
                        .as(timer + ": one kind of deadline").hasSize(1);
            }
        }

        /** Statuses a ticket starts in or that stamp times, and those the shipped ticket types move to. */
        private static Set<String> knownStatuses() {
            Set<String> statuses = new LinkedHashSet<>(List.of(Ticket.INITIAL_STATUS, Ticket.RESOLVED, Ticket.CLOSED));
            shippedProcesses().forEach(model -> model.getModelElementsByType(CamundaProperty.class).stream()
                    .filter(property -> "flowdesk.status".equals(property.getCamundaName()))
                    .forEach(property -> statuses.add(property.getCamundaValue())));
            return statuses;
        }
    }

    // ============================================================================================ inquiry

    @Nested
    class TogetherWithInquiry {

        /**
         * Inquiry, the reference type, and the other shipped processes were drawn before the templates existed: each
         * of their elements with Flowdesk bindings must be one a template applies to and gives all of them, with the
         * same values, so that a type drawn with the templates is wired as they are.
         */
        @Test
        void each_flowdesk_element_of_the_shipped_processes_is_one_a_template_gives_all_its_bindings() {
            assertThat(FlowdeskBindings.byElement(inquiry())).as("inquiry's building blocks").hasSizeGreaterThan(15);
            for (BpmnModelInstance model : shippedProcesses()) {
                FlowdeskBindings.byElement(model).forEach((element, bindings) -> assertThat(Template.all())
                        .as("a template for %s %s", element.getElementType().getTypeName(), element.getId())
                        .anyMatch(template -> template.fits(element) && template.offers().toList().containsAll(bindings)));
            }
        }

        @Test
        void each_of_inquirys_sla_timers_is_as_interrupting_as_the_timer_template_that_names_its_date() {
            List<Template> timers = Stream.of("io.flowdesk.slaWarningTimer", "io.flowdesk.slaBreachTimer",
                    "io.flowdesk.slaSecondLevelTimer").map(Template::byId).toList();
            List<BoundaryEvent> slaTimers = FlowdeskBindings.slaTimers(inquiry());

            assertThat(slaTimers).as("inquiry's SLA timers").isNotEmpty().allSatisfy(timer -> {
                Template template = timers.stream()
                        .filter(candidate -> candidate.timerDates().containsValue(FlowdeskBindings.timeDate(timer)))
                        .findFirst().orElseThrow(() -> new AssertionError("no template names " + timer.getId()));
                assertThat(template.offers()).as(timer.getId()).containsOnlyOnce("cancelActivity=" + timer.cancelActivity());
            });
        }
    }

    // ============================================================================================ a drawn type

    @Nested
    class ATicketTypeDrawnWithTheTemplates {

        static final String TYPE = "templateDrawnTicket";
        /** Monday 2026-03-02 09:00 in Asia/Shanghai, in business hours. */
        static final Instant MONDAY_OPENING = Instant.parse("2026-03-02T01:00:00Z");

        private final List<String> deployments = new ArrayList<>();

        @BeforeEach
        void deployAsAnAnalyst() {
            // engine REST serves the engine registered as "default": the last test context started registered its own
            ProcessEngines.registerProcessEngine(processEngine);
            ClockUtil.setCurrentTime(Date.from(MONDAY_OPENING));
            String xml = Bpmn.convertToString(DrawnTicketType.draw(TYPE));
            ResponseEntity<JsonNode> deployed = deploy("ana", TYPE + ".bpmn", xml);
            assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
            deployments.add(deployed.getBody().get("id").asText());
        }

        @AfterEach
        void removeIt() {
            deployments.forEach(deployment -> repositoryService.deleteDeployment(deployment, true));
            ClockUtil.reset();
        }

        /** So that a template added to the folder is not left out of the run below. */
        @Test
        void uses_every_template_in_the_folder_and_keeps_modelers_marks_when_deployed() {
            String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(TYPE)
                    .latestVersion().singleResult().getId();
            Set<String> used = repositoryService.getBpmnModelInstance(definition)
                    .getModelElementsByType(BaseElement.class).stream()
                    .map(element -> element.getAttributeValueNs(CAMUNDA_NS, "modelerTemplate"))
                    .filter(Objects::nonNull).collect(Collectors.toSet());

            // the department task that changes the status and meets a target is those two templates in one (the
            // shipped types' steps that answer the customer): checked to offer all they offer (and status new) instead
            assertThat(used).containsExactlyInAnyOrderElementsOf(Template.all().stream().map(Template::id)
                    .filter(id -> !id.equals("io.flowdesk.departmentTask.statusSlaMet")).toList());
            assertThat(Template.byId("io.flowdesk.departmentTask.statusSlaMet").offers().toList())
                    .containsAll(Stream.concat(
                            Template.byId("io.flowdesk.departmentTask.status").offers(),
                            Template.byId("io.flowdesk.departmentTask.slaMet").offers()).distinct().toList());
        }

        @Test
        void is_listed_with_its_default_group_and_opens_tickets_that_are_routed_assigned_and_clocked() {
            assertThat(get("alice", "/api/ticket-types").getBody()).filteredOn(type -> type.get("key").asText().equals(TYPE))
                    .singleElement().satisfies(type -> {
                        assertThat(type.get("name").asText()).isEqualTo("模板工单");
                        assertThat(type.get("defaultGroup").asText()).isEqualTo("finance");
                    });

            JsonNode ticket = open("hardware");

            assertThat(ticket.get("status").asText()).isEqualTo("new");
            assertThat(ticket.get("group").asText()).as("routed from the default group to tech").isEqualTo("tech");
            // other tests of the shared context may have filled tom's capacity: then the task waits in tech's queue
            boolean tomHadRoom = types(ticket).contains("ASSIGNED");
            assertThat(types(ticket)).containsExactlyElementsOf(tomHadRoom
                    ? List.of("CREATED", "ROUTED", "SLA_STARTED", "ASSIGNED") : List.of("CREATED", "ROUTED", "SLA_STARTED"));
            assertThat(ticket.get("sla")).extracting(clock -> clock.get("target").asText() + " " + clock.get("state").asText())
                    .containsExactlyInAnyOrder("firstResponse running", "resolution running");
            assertThat(ticket.at("/currentTasks/0/key").asText()).isEqualTo("accept");
            assertThat(ticket.at("/currentTasks/0/candidateGroups").toString()).isEqualTo("[\"tech\"]");
            if (tomHadRoom) {
                assertThat(ticket.at("/currentTasks/0/assignee").asText()).as("assigned by workload").isEqualTo("tom");
            } else {
                JsonNode tom = null;
                for (JsonNode agent : get("admin", "/api/agents").getBody()) {
                    tom = "tom".equals(agent.get("userId").asText()) ? agent : tom;
                }
                assertThat(tom.get("openTasks").asInt()).as("tom full, so left in the queue")
                        .isGreaterThanOrEqualTo(tom.get("capacity").asInt());
            }
        }

        @Test
        void its_ticket_changes_status_pauses_restarts_and_meets_its_clocks_and_waits_in_the_queue_until_closed() {
            String number = open("hardware").get("number").asText();
            work(number, "accept", "{}");
            assertThat(clock(ticket(number), "firstResponse")).isEqualTo("met");
            assertThat(ticket(number).get("status").asText()).isEqualTo("in_progress");

            work(number, "handle", "{}");
            assertThat(ticket(number).get("status").asText()).isEqualTo("pending_customer");
            assertThat(clock(ticket(number), "resolution")).as("paused while waiting").isEqualTo("paused");

            work(number, "waitForCustomer", "{\"customerMessage\":\"重启后仍然连不上\"}");
            JsonNode answered = ticket(number);
            assertThat(clock(answered, "resolution")).isEqualTo("met");
            assertThat(answered.at("/currentTasks/0/key").asText()).isEqualTo("confirm");
            assertThat(answered.at("/currentTasks/0/assignee").isMissingNode()
                    || answered.at("/currentTasks/0/assignee").isNull()).as("a queue task is nobody's").isTrue();

            Instant reopenedAt = MONDAY_OPENING.plus(Duration.ofHours(2));
            ClockUtil.setCurrentTime(Date.from(reopenedAt));
            work(number, "confirm", "{\"customerConfirmation\":\"not_resolved\"}");
            JsonNode reopened = ticket(number);
            assertThat(reopened.get("status").asText()).isEqualTo("reopened");
            assertThat(Instant.parse(sla(reopened, "resolution").get("startedAt").asText())).as("a fresh clock")
                    .isEqualTo(reopenedAt);
            assertThat(clock(reopened, "resolution")).as("paused while the customer calls back").isEqualTo("paused");
            fire(number, "customerCallsBack");
            work(number, "callCustomerBack", "{}");

            work(number, "handle", "{}");
            work(number, "waitForCustomer", "{\"customerMessage\":\"可以了\"}");
            work(number, "confirm", "{\"customerConfirmation\":\"confirmed\"}");

            JsonNode closed = ticket(number);
            assertThat(closed.get("status").asText()).isEqualTo("closed");
            assertThat(closed.get("resolvedAt").asText()).isNotBlank();
            assertThat(closed.get("closedAt").asText()).isNotBlank();
            assertThat(closed.get("currentTasks")).isEmpty();
            assertThat(statusChanges(closed)).containsExactly("in_progress", "pending_customer", "reopened",
                    "in_progress", "pending_customer", "resolved", "closed");
            assertThat(types(closed)).contains("SLA_MET", "SLA_PAUSED", "SLA_RESUMED", "SLA_RESTARTED", "STEP_COMPLETED");
        }

        @Test
        void its_ticket_left_alone_is_warned_breached_and_escalated_to_supervisors_and_managers_once_each() {
            String number = open("sla-demo").get("number").asText();
            work(number, "accept", "{}");
            JsonNode before = ticket(number);

            assertThat(dueDate(number, "warningDue")).isEqualTo(resolutionDeadline(before, "warningAt"));
            fire(number, "warningDue");
            assertThat(clock(ticket(number), "resolution")).isEqualTo("warned");

            assertThat(dueDate(number, "breachDue")).isEqualTo(resolutionDeadline(before, "dueAt"));
            fire(number, "breachDue");
            JsonNode breached = ticket(number);
            assertThat(breached.get("priority").asText()).isEqualTo("urgent");
            assertThat(tasks(breached)).as("the work goes on beside the supervisors' follow-up, a task of the shared"
                    + " escalation the type calls").containsEntry("handle", "[\"tech\"]")
                    .containsEntry("supervisorsFollowUpTicket", "[\"tech-supervisors\"]");
            assertThat(breached.get("group").asText()).as("the escalation leaves the ticket in its department")
                    .isEqualTo("tech");

            fire(number, "secondLevelDue");
            JsonNode escalated = ticket(number);
            assertThat(tasks(escalated)).hasSize(3).containsEntry("managersFollowUpTicket", "[\"managers\"]");
            assertThat(types(escalated)).containsSubsequence("SLA_WARNING", "SLA_BREACHED", "SLA_ESCALATED");
        }

        // -------------------------------------------------------------------------------------------- tickets

        private JsonNode open(String category) {
            ResponseEntity<JsonNode> created = post("alice", "/api/tickets", """
                    {"type":"%s","subject":"打印机无法连接","description":"型号 P-200","channel":"web","category":"%s",
                     "customer":{"name":"张三","email":"templates@example.com","tier":"standard"}}""".formatted(TYPE, category));
            assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            return created.getBody();
        }

        /** Tom, the tech agent, completes the ticket's open task of this step; a queue task he claims first. */
        private void work(String number, String step, String variables) {
            JsonNode task = StreamSupport.stream(ticket(number).get("currentTasks").spliterator(), false)
                    .filter(candidate -> candidate.get("key").asText().equals(step)).findFirst().orElseThrow();
            String path = "/api/tickets/" + number + "/tasks/" + task.get("id").asText();
            String agent = "tom";
            if (!agent.equals(task.path("assignee").asText(agent))) {
                // workload assignment gave it to another member of tech (other tests of the shared context add some)
                taskService.setAssignee(task.get("id").asText(), agent);
            } else if (!task.hasNonNull("assignee")) {
                ResponseEntity<JsonNode> claimed = post(agent, path + "/claim", "{}");
                assertThat(claimed.getStatusCode().is2xxSuccessful()).as(step + ": " + claimed.getBody()).isTrue();
            }
            ResponseEntity<JsonNode> completed = post(agent, path + "/complete", "{\"variables\":" + variables + "}");
            assertThat(completed.getStatusCode().is2xxSuccessful()).as(step + ": " + completed.getBody()).isTrue();
        }

        /** Moves the engine clock to the timer's due date and fires it, as the job executor would. */
        private void fire(String number, String timer) {
            Job job = timerJob(number, timer);
            ClockUtil.setCurrentTime(job.getDuedate());
            managementService.executeJob(job.getId());
        }

        private Instant dueDate(String number, String timer) {
            return timerJob(number, timer).getDuedate().toInstant();
        }

        private Job timerJob(String number, String timer) {
            String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                    .processDefinitionKey(TYPE).singleResult().getId(); // not the shared steps it calls
            return managementService.createJobQuery().processInstanceId(instance).activityId(timer).singleResult();
        }

        private JsonNode ticket(String number) {
            return get("admin", "/api/tickets/" + number).getBody();
        }

        /** The state of the ticket's clock for the target: running, paused, warned, met or breached. */
        private static String clock(JsonNode ticket, String target) {
            return sla(ticket, target).get("state").asText();
        }

        private static Instant resolutionDeadline(JsonNode ticket, String field) {
            return Instant.parse(sla(ticket, "resolution").get(field).asText());
        }

        private static JsonNode sla(JsonNode ticket, String target) {
            return StreamSupport.stream(ticket.get("sla").spliterator(), false)
                    .filter(clock -> clock.get("target").asText().equals(target)).findFirst().orElseThrow();
        }

        /** The open tasks by step, each with its candidate groups. */
        private static Map<String, String> tasks(JsonNode ticket) {
            return StreamSupport.stream(ticket.get("currentTasks").spliterator(), false).collect(Collectors.toMap(
                    task -> task.get("key").asText(), task -> task.get("candidateGroups").toString()));
        }

        private static List<String> types(JsonNode ticket) {
            return StreamSupport.stream(ticket.get("timeline").spliterator(), false)
                    .map(entry -> entry.get("type").asText()).toList();
        }

        private static List<String> statusChanges(JsonNode ticket) {
            return StreamSupport.stream(ticket.get("timeline").spliterator(), false)
                    .filter(entry -> entry.get("type").asText().equals("STATUS_CHANGED"))
                    .map(entry -> entry.get("to").asText()).toList();
        }
    }

    // ============================================================================================ HTTP

    private ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, password(user)).getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password(user)).postForEntity(path, new HttpEntity<>(json, headers),
                JsonNode.class);
    }

    /** As Camunda Modeler deploys: multipart/form-data to engine REST with a deployment name and the file. */
    private ResponseEntity<JsonNode> deploy(String user, String fileName, String content) {
        String boundary = "flowdesk-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                + fileName + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary
                + "--\r\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
        return http.withBasicAuth(user, password(user)).exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    private static String password(String user) {
        return "admin".equals(user) ? "admin" : "demo";
    }

    // ============================================================================================ models

    static BpmnModelInstance inquiry() {
        return Bpmn.readModelFromFile(Path.of("processes/inquiry.bpmn").toFile());
    }

    static List<BpmnModelInstance> shippedProcesses() {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted()
                    .map(file -> Bpmn.readModelFromFile(file.toFile())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ticket type an analyst draws with the templates: each element gets its template, with the analyst's picks
     * in dropdowns and fields; what templates cannot set (timer dates, an element's name, the conditions of their own
     * gateway) the analyst types, the timer dates copied from the timer templates' descriptions.
     */
    static final class DrawnTicketType {

        private DrawnTicketType() {
        }

        static BpmnModelInstance draw(String key) {
            BpmnModelInstance model = shape(key);
            ModelerApplies.template("io.flowdesk.ticketType", model, key, Map.of("flowdesk.defaultGroup", "finance"));
            ModelerApplies.template("io.flowdesk.status", model, "submitted", Map.of("flowdesk.status", "new"));
            ModelerApplies.template("io.flowdesk.routeTicket", model, "route", Map.of());
            ModelerApplies.template("io.flowdesk.startSlaClocks", model, "startClocks", Map.of());
            ModelerApplies.template("io.flowdesk.departmentTask.slaMet", model, "accept",
                    Map.of("flowdesk.sla.met", "firstResponse", "camunda:formRef", "inquiry-accept"));
            ModelerApplies.template("io.flowdesk.departmentTask.status", model, "handle",
                    Map.of("flowdesk.status", "in_progress", "camunda:formRef", "inquiry-handle"));
            ModelerApplies.template("io.flowdesk.waitForCustomer", model, "waitForCustomer",
                    Map.of("camunda:formRef", "inquiry-wait"));
            ModelerApplies.template("io.flowdesk.sla.met", model, "answered", Map.of("flowdesk.sla.met", "resolution"));
            ModelerApplies.template("io.flowdesk.queueTask", model, "confirm", Map.of("camunda:formRef", "inquiry-confirm"));
            ModelerApplies.template("io.flowdesk.status", model, "resolvedFlow", Map.of("flowdesk.status", "resolved"));
            ModelerApplies.template("io.flowdesk.status", model, "closed", Map.of("flowdesk.status", "closed"));
            ModelerApplies.template("io.flowdesk.sla.restart", model, "reopened", Map.of());
            ModelerApplies.template("io.flowdesk.sla.pause", model, "customerCallsBack", Map.of());
            ModelerApplies.template("io.flowdesk.departmentTask", model, "callCustomerBack",
                    Map.of("camunda:formRef", "inquiry-handle"));
            escalations(model);
            return model;
        }

        private static void escalations(BpmnModelInstance model) {
            ModelerApplies.template("io.flowdesk.slaWarningTimer", model, "warningDue", Map.of());
            ModelerApplies.template("io.flowdesk.slaWarn", model, "warn", Map.of());
            ModelerApplies.template("io.flowdesk.slaBreachTimer", model, "breachDue", Map.of());
            ModelerApplies.template("io.flowdesk.slaBreach", model, "breach", Map.of());
            ModelerApplies.template("io.flowdesk.escalationBranch", model, "newBreach",
                    Map.of("conditionExpression", "${firstBreach}"));
            ModelerApplies.template("io.flowdesk.escalationBranch", model, "repeatedBreach",
                    Map.of("conditionExpression", "${!firstBreach}"));
            ModelerApplies.template("io.flowdesk.ticketEscalation", model, "supervise",
                    Map.of("escalationLevel", "supervisors", "escalationReason", "resolutionBreached"));
            ModelerApplies.template("io.flowdesk.slaSecondLevelTimer", model, "secondLevelDue", Map.of());
            ModelerApplies.template("io.flowdesk.slaEscalateSecondLevel", model, "escalate", Map.of());
            ModelerApplies.template("io.flowdesk.escalationBranch", model, "newSecondLevel",
                    Map.of("conditionExpression", "${firstSecondLevel}"));
            ModelerApplies.template("io.flowdesk.escalationBranch", model, "repeatedSecondLevel",
                    Map.of("conditionExpression", "${!firstSecondLevel}"));
            ModelerApplies.template("io.flowdesk.ticketEscalation", model, "managersReview",
                    Map.of("escalationLevel", "managers", "escalationReason", "breachPersists"));
        }

        /**
         * The shapes and arrows, with nothing Flowdesk-specific: a plain, not yet executable process, so that only
         * the templates can make it a ticket type.
         */
        private static BpmnModelInstance shape(String key) {
            return Bpmn.createProcess(key).name("模板工单")
                    .startEvent("submitted").name("工单已提交")
                    .serviceTask("route").name("智能分派")
                    .serviceTask("startClocks").name("启动SLA计时")
                    .userTask("accept").name("受理")
                    .userTask("handle").name("处理")
                    .userTask("waitForCustomer").name("等待客户回复")
                    .intermediateThrowEvent("answered").name("已答复")
                    .userTask("confirm").name("回访确认")
                    .exclusiveGateway("customerConfirmed").name("客户确认解决？")
                    .sequenceFlowId("resolvedFlow").condition("已解决", "${customerConfirmation == 'confirmed'}")
                    .endEvent("closed").name("已关闭")
                    .moveToLastGateway()
                    .condition("未解决", "${customerConfirmation == 'not_resolved'}")
                    .intermediateThrowEvent("reopened").name("工单重开")
                    .intermediateCatchEvent("customerCallsBack").name("等客户回电").timerWithDuration("PT10M")
                    .userTask("callCustomerBack").name("回电客户")
                    .connectTo("handle")
                    .moveToActivity("handle")
                    .boundaryEvent("warningDue").name("解决时限预警").timerWithDate(timerDate("io.flowdesk.slaWarningTimer"))
                    .serviceTask("warn").name("提醒即将超时").endEvent("warned")
                    .moveToActivity("handle")
                    .boundaryEvent("breachDue").name("解决超时").timerWithDate(timerDate("io.flowdesk.slaBreachTimer"))
                    .serviceTask("breach").name("升级超时").exclusiveGateway("breachIsNew").name("首次超时？")
                    .sequenceFlowId("newBreach").callActivity("supervise").name("督办超时工单").endEvent("supervised")
                    .moveToLastGateway().sequenceFlowId("repeatedBreach").endEvent("alreadySupervised")
                    .moveToActivity("handle")
                    .boundaryEvent("secondLevelDue").name("超时持续")
                    .timerWithDate(timerDate("io.flowdesk.slaSecondLevelTimer"))
                    .serviceTask("escalate").name("二级升级").exclusiveGateway("secondLevelIsNew").name("首次二级升级？")
                    .sequenceFlowId("newSecondLevel").callActivity("managersReview").name("经理督办").endEvent("reviewed")
                    .moveToLastGateway().sequenceFlowId("repeatedSecondLevel").endEvent("alreadyWithManagers")
                    .done();
        }

        /** The resolution timer's date as the timer template's description tells the analyst to type it. */
        private static String timerDate(String template) {
            return Template.byId(template).timerDates().get("resolution");
        }
    }

    // ============================================================================================ templates

    /** One element template, as read from a file in element-templates/. */
    record Template(String file, JsonNode json) {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final Pattern TIMER_DATE = Pattern.compile("\\$\\{slaClock\\.\\w+\\(execution, '(\\w+)'\\)}");

        /** Every template of every file; a file must be a JSON array, the form Camunda 7 template files take. */
        static List<Template> all() {
            try (Stream<Path> files = Files.list(TEMPLATES)) {
                return files.filter(file -> file.toString().endsWith(".json")).sorted()
                        .flatMap(Template::read).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Template byId(String id) {
            return all().stream().filter(template -> template.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no template " + id));
        }

        private static Stream<Template> read(Path file) {
            try {
                JsonNode templates = JSON.readTree(file.toFile());
                assertThat(templates.isArray()).as(file + " is a JSON array").isTrue();
                return StreamSupport.stream(templates.spliterator(), false)
                        .map(json -> new Template(file.getFileName().toString(), json));
            } catch (IOException e) {
                throw new UncheckedIOException(file + " is not JSON", e);
            }
        }

        String id() {
            return json.path("id").asText();
        }

        String name() {
            return json.path("name").asText();
        }

        List<String> appliesTo() {
            return StreamSupport.stream(json.path("appliesTo").spliterator(), false).map(JsonNode::asText).toList();
        }

        Optional<String> elementType() {
            return Optional.ofNullable(json.at("/elementType/value").textValue());
        }

        /** The types of element the template leaves behind: its element type, or any type it applies to. */
        List<ModelElementType> targetTypes() {
            return elementType().map(type -> List.of(BpmnTypes.of(type)))
                    .orElseGet(() -> appliesTo().stream().map(BpmnTypes::of).toList());
        }

        /** Whether Modeler offers the template for the element (its type is one the template applies to). */
        boolean fits(BaseElement element) {
            return appliesTo().stream().anyMatch(type -> BpmnTypes.is(element.getElementType(), type));
        }

        List<JsonNode> properties() {
            return StreamSupport.stream(json.path("properties").spliterator(), false).toList();
        }

        /** The choices of each dropdown bound to this name (none if the template has no such dropdown). */
        Stream<List<String>> dropdowns(String bindingName) {
            return properties().stream().filter(property -> property.path("type").asText().equals("Dropdown"))
                    .filter(property -> property.at("/binding/name").asText().equals(bindingName))
                    .map(Template::choices);
        }

        static List<String> choices(JsonNode property) {
            return StreamSupport.stream(property.path("choices").spliterator(), false)
                    .map(choice -> choice.path("value").asText()).toList();
        }

        /** Each binding with each value the template can give it: "name=value", as FlowdeskBindings reads them. */
        Stream<String> offers() {
            return properties().stream().flatMap(property -> {
                List<String> values = property.has("choices") ? choices(property)
                        : List.of(property.path("value").asText());
                return values.stream().map(value -> Bindings.name(property) + "=" + value);
            });
        }

        /** The timer dates the description tells the analyst to type, by SLA target. */
        Map<String, String> timerDates() {
            Map<String, String> dates = new HashMap<>();
            Matcher matcher = TIMER_DATE.matcher(json.path("description").asText());
            while (matcher.find()) {
                dates.put(matcher.group(1), matcher.group());
            }
            return dates;
        }

        @Override
        public String toString() {
            return file + " " + id();
        }
    }

    /** The Camunda 7 binding types of the element-templates JSON schema, with what each needs and allows. */
    static final class Bindings {

        /** The field types the schema allows with each binding type (Modeler shows no other). */
        static final Map<String, List<String>> FIELD_TYPES = Map.of(
                "property", List.of("String", "Text", "Hidden", "Dropdown", "Boolean"),
                "camunda:property", List.of("String", "Hidden", "Dropdown"),
                "camunda:inputParameter", List.of("String", "Text", "Hidden", "Dropdown"),
                "camunda:outputParameter", List.of("String", "Hidden", "Dropdown"),
                "camunda:in", List.of("String", "Hidden", "Dropdown"),
                "camunda:out", List.of("String", "Hidden", "Dropdown"),
                "camunda:in:businessKey", List.of("String", "Hidden", "Dropdown"),
                "camunda:executionListener", List.of("Hidden"),
                "camunda:field", List.of("String", "Text", "Hidden", "Dropdown"),
                "camunda:errorEventDefinition", List.of("String", "Hidden", "Dropdown"));

        /** The binding keys the schema requires (and, for a listener, Modeler needs) per binding type. */
        static final Map<String, List<String>> REQUIRED_KEYS = Map.of(
                "property", List.of("name"),
                "camunda:property", List.of("name"),
                "camunda:inputParameter", List.of("name"),
                "camunda:field", List.of("name"),
                "camunda:outputParameter", List.of("source"),
                "camunda:errorEventDefinition", List.of("errorRef"),
                "camunda:executionListener", List.of("event", "implementationType"),
                "camunda:in", List.of("target"));

        private Bindings() {
        }

        static String type(JsonNode property) {
            return property.at("/binding/type").asText();
        }

        static String key(JsonNode property) {
            return type(property) + " " + name(property);
        }

        /**
         * What the binding sets, as the analyst's picks and FlowdeskBindings name it: the attribute or property name, a
         * call activity's input mapping by its target, its business key as "businessKey".
         */
        static String name(JsonNode property) {
            return switch (type(property)) {
                case "camunda:in" -> property.at("/binding/target").asText();
                case "camunda:in:businessKey" -> "businessKey";
                default -> property.at("/binding/name").asText();
            };
        }
    }

    /** BPMN element types by the names templates use ("bpmn:UserTask"), from Camunda's own BPMN model. */
    static final class BpmnTypes {

        private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

        private BpmnTypes() {
        }

        static ModelElementType of(String templateName) {
            assertThat(templateName).as("a BPMN type").startsWith("bpmn:");
            String local = templateName.substring("bpmn:".length());
            return Bpmn.INSTANCE.getBpmnModel().getTypeForName(BPMN,
                    Character.toLowerCase(local.charAt(0)) + local.substring(1));
        }

        /** Whether an element of the type counts as the named one, as Modeler's appliesTo matches (subtypes too). */
        static boolean is(ModelElementType type, String templateName) {
            for (ModelElementType t = type; t != null; t = t.getBaseType()) {
                if (t.equals(of(templateName))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the type (or a base type) has the attribute, e.g. "camunda:candidateGroups" or "isExecutable". */
        static boolean hasAttribute(ModelElementType type, String bindingName) {
            if (bindingName.equals("conditionExpression")) {
                return is(type, "bpmn:SequenceFlow");
            }
            boolean camunda = bindingName.startsWith("camunda:");
            String local = camunda ? bindingName.substring("camunda:".length()) : bindingName;
            for (ModelElementType t = type; t != null; t = t.getBaseType()) {
                for (Attribute<?> attribute : t.getAttributes()) {
                    if (attribute.getAttributeName().equals(local)
                            && camunda == CAMUNDA_NS.equals(attribute.getNamespaceUri())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Applies a template to an element as Camunda Modeler does (bpmn-js-element-templates, ChangeElementTemplateHandler)
     * for the bindings our templates use: it records the template and its version on the element, sets each
     * {@code property} binding as an attribute (a sequence flow's {@code conditionExpression} as its condition) and
     * adds each {@code camunda:property} to the element's extension properties. A value is the analyst's pick, which
     * must be one a dropdown offers, or else the template's default; a field without either is left unset, as
     * Modeler leaves it.
     */
    static final class ModelerApplies {

        private ModelerApplies() {
        }

        static void template(String templateId, BpmnModelInstance model, String elementId, Map<String, String> picks) {
            Template template = Template.byId(templateId);
            BaseElement element = model.getModelElementById(elementId);
            assertThat(element).as(elementId).isNotNull();
            assertThat(template.fits(element)).as("%s applies to %s", template, elementId).isTrue();
            template.elementType().ifPresent(type -> assertThat(element.getElementType())
                    .as("the element type Modeler would change %s into", elementId).isEqualTo(BpmnTypes.of(type)));
            element.setAttributeValueNs(CAMUNDA_NS, "modelerTemplate", template.id());
            element.setAttributeValueNs(CAMUNDA_NS, "modelerTemplateVersion", template.json().path("version").asText());
            Set<String> unused = new HashSet<>(picks.keySet());
            for (JsonNode property : template.properties()) {
                String name = Bindings.name(property);
                unused.remove(name);
                String value = value(template, property, picks.get(name));
                if (value != null) {
                    bind(model, element, property, value);
                }
            }
            assertThat(unused).as("%s has fields for the analyst's picks", template).isEmpty();
        }

        private static String value(Template template, JsonNode property, String pick) {
            if (pick == null) {
                return property.has("value") ? property.get("value").asText() : null;
            }
            String type = property.path("type").asText();
            assertThat(type).as("%s: the analyst can change %s", template, Bindings.name(property))
                    .isNotEqualTo("Hidden");
            if (type.equals("Dropdown")) {
                assertThat(Template.choices(property)).as("%s offers %s", template, pick).contains(pick);
            }
            return pick;
        }

        private static void bind(BpmnModelInstance model, BaseElement element, JsonNode property, String value) {
            String name = Bindings.name(property);
            switch (Bindings.type(property)) {
                case "property" -> setAttribute(model, element, name, value);
                case "camunda:property" -> addCamundaProperty(model, element, name, value);
                case "camunda:in" -> addCamundaIn(model, element, in -> {
                    in.setCamundaTarget(name);
                    if (property.at("/binding/expression").asBoolean()) {
                        in.setCamundaSourceExpression(value);
                    } else {
                        in.setCamundaSource(value);
                    }
                });
                case "camunda:in:businessKey" -> addCamundaIn(model, element, in -> in.setCamundaBusinessKey(value));
                default -> throw new AssertionError("this test does not apply " + Bindings.type(property)
                        + " bindings yet: teach ModelerApplies what Modeler does with them");
            }
        }

        private static void setAttribute(BpmnModelInstance model, BaseElement element, String name, String value) {
            if (name.equals("conditionExpression")) {
                ConditionExpression condition = model.newInstance(ConditionExpression.class);
                condition.setTextContent(value);
                ((SequenceFlow) element).setConditionExpression(condition);
            } else if (name.startsWith("camunda:")) {
                element.setAttributeValueNs(CAMUNDA_NS, name.substring("camunda:".length()), value);
            } else {
                element.setAttributeValue(name, value);
            }
        }

        /** A call activity's input mapping, {@code <camunda:in …/>}, among its extension elements. */
        private static void addCamundaIn(BpmnModelInstance model, BaseElement element, Consumer<CamundaIn> mapping) {
            CamundaIn in = model.newInstance(CamundaIn.class);
            mapping.accept(in);
            extensions(model, element).addChildElement(in);
        }

        private static ExtensionElements extensions(BpmnModelInstance model, BaseElement element) {
            ExtensionElements extensions = element.getExtensionElements();
            if (extensions == null) {
                extensions = model.newInstance(ExtensionElements.class);
                element.setExtensionElements(extensions);
            }
            return extensions;
        }

        private static void addCamundaProperty(BpmnModelInstance model, BaseElement element, String name, String value) {
            ExtensionElements extensions = extensions(model, element);
            CamundaProperties properties = extensions.getElementsQuery().filterByType(CamundaProperties.class).list()
                    .stream().findFirst().orElse(null);
            if (properties == null) {
                properties = extensions.addExtensionElement(CamundaProperties.class);
            }
            CamundaProperty property = model.newInstance(CamundaProperty.class);
            property.setCamundaName(name);
            property.setCamundaValue(value);
            properties.addChildElement(property);
        }
    }

    /** The Flowdesk bindings of a drawn ticket type, as "name=value" the way Template#offers writes them. */
    static final class FlowdeskBindings {

        /** The extension properties of the convention for analysts that the templates stand for. */
        private static final List<String> PROPERTIES = List.of(BpmnProperties.TICKET_TYPE, BpmnProperties.DEFAULT_GROUP,
                BpmnProperties.STATUS, BpmnProperties.SLA_MET, BpmnProperties.SLA_PAUSE, BpmnProperties.SLA_RESTART,
                "flowdesk.assignment");
        /**
         * Attributes that carry Flowdesk's conventions; others (ids, names, the form of one step) are the analyst's, and
         * so is a start event's form: the status template leaves the Forms group visible for it.
         */
        /** The shared escalation, whose calls are a template's (processes/ticket-escalation.bpmn). */
        private static final String ESCALATION = "ticketEscalation";
        private static final List<String> ATTRIBUTES = List.of("camunda:delegateExpression", "camunda:expression",
                "camunda:resultVariable", "camunda:candidateGroups", "camunda:formRefBinding",
                "camunda:historyTimeToLive", "isExecutable");

        private FlowdeskBindings() {
        }

        /** The elements with Flowdesk bindings, each with them. */
        static Map<BaseElement, Set<String>> byElement(BpmnModelInstance model) {
            Map<BaseElement, Set<String>> elements = new LinkedHashMap<>();
            model.getModelElementsByType(BaseElement.class).forEach(element -> {
                Set<String> bindings = of(element);
                if (!bindings.isEmpty()) {
                    elements.put(element, bindings);
                }
            });
            return elements;
        }

        private static Set<String> of(BaseElement element) {
            Set<String> bindings = new LinkedHashSet<>();
            if (element.getExtensionElements() != null) {
                element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                        .flatMap(properties -> properties.getCamundaProperties().stream())
                        .filter(property -> PROPERTIES.contains(property.getCamundaName()))
                        .forEach(property -> bindings.add(property.getCamundaName() + "=" + property.getCamundaValue()));
            }
            if (element instanceof BusinessRuleTask) {
                return bindings; // a decision table the type calls (complaint's approver) is the analyst's, not a block
            }
            ATTRIBUTES.stream().filter(name -> !(element instanceof StartEvent && name.equals("camunda:formRefBinding")))
                    .forEach(name -> attribute(element, name).ifPresent(value -> bindings.add(name + "=" + value)));
            if (element instanceof SequenceFlow flow && flow.getConditionExpression() != null
                    && flow.getConditionExpression().getTextContent().matches("\\$\\{!?first\\w+}")) {
                bindings.add("conditionExpression=" + flow.getConditionExpression().getTextContent());
            }
            if (element instanceof BoundaryEvent event && timeDate(event).startsWith("${slaClock.")) {
                bindings.add("cancelActivity=" + event.cancelActivity());
            }
            if (element instanceof CallActivity call && ESCALATION.equals(call.getCalledElement())) {
                bindings.addAll(escalationCall(call));
            }
            return bindings;
        }

        /** A call of the shared escalation: what it calls, how, and what it hands over. */
        private static Set<String> escalationCall(CallActivity call) {
            Set<String> bindings = new LinkedHashSet<>(List.of("calledElement=" + call.getCalledElement(),
                    "camunda:calledElementBinding=" + call.getCamundaCalledElementBinding()));
            call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()
                    .forEach(in -> bindings.add(in.getCamundaBusinessKey() != null
                            ? "businessKey=" + in.getCamundaBusinessKey()
                            : in.getCamundaTarget() + "=" + Objects.requireNonNullElse(in.getCamundaSource(),
                            in.getCamundaSourceExpression())));
            return bindings;
        }

        static List<BoundaryEvent> slaTimers(BpmnModelInstance model) {
            return model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(event -> timeDate(event).startsWith("${slaClock.")).toList();
        }

        static String timeDate(BoundaryEvent event) {
            return event.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
                    .map(TimerEventDefinition.class::cast).map(TimerEventDefinition::getTimeDate)
                    .filter(Objects::nonNull).map(ModelElementInstance::getTextContent).findFirst().orElse("");
        }

        private static Optional<String> attribute(BaseElement element, String name) {
            String value = name.startsWith("camunda:")
                    ? element.getAttributeValueNs(CAMUNDA_NS, name.substring("camunda:".length()))
                    : element.getAttributeValue(name);
            return Optional.ofNullable(value);
        }
    }
}

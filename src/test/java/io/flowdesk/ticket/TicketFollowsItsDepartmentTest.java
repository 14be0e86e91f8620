package io.flowdesk.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26, item 2: the ticket follows the department that holds it. A flow of support → finance (refund) →
 * support (follow-up): at each hand-off the ticket's group and assignee are the open task's, the timeline says from
 * where to whom at which step, the department's list finds it, and the department that opened it still sees it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TicketFollowsItsDepartmentTest {

    private static final String TYPE = "handOffDemo";
    /** The agent of each department who claims a task no one was assigned. */
    private static final Map<String, String> AGENT_OF = Map.of("support", "alice", "finance", "fiona");

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;

    private TicketsOverHttp api;
    private String deployment;

    @BeforeEach
    void setUp() {
        api = new TicketsOverHttp(http, AGENT_OF);
    }

    /** A type whose flow hands off from the ticket's department to finance and back. */
    private void deploy(boolean routed) {
        var start = Bpmn.createExecutableProcess(TYPE).name("交接演示").startEvent("requestSubmitted");
        var opened = routed ? start.serviceTask("routeTicket").camundaDelegateExpression("${routeTicket}") : start;
        BpmnModelInstance model = opened
                .userTask("checkRequest").name("核实请求").camundaCandidateGroups("${group}")
                .userTask("refundCustomer").name("退款").camundaCandidateGroups("finance")
                .userTask("followUpWithCustomer").name("回访").camundaCandidateGroups("${group}")
                .endEvent("requestClosed")
                .done();
        markAsTicketType(model);
        deployment = repositoryService.createDeployment().name(TYPE).addModelInstance(TYPE + ".bpmn", model)
                .deploy().getId();
    }

    @AfterEach
    void removeIt() {
        repositoryService.deleteDeployment(deployment, true);
    }

    @Test
    void the_ticket_is_finances_while_finance_refunds_and_supports_again_for_the_follow_up() {
        deploy(true);
        JsonNode opened = api.post("alice", "/api/tickets", """
                {"type":"%s","subject":"会员卡升级咨询","category":"general","customer":{"name":"赵六","email":"zhao@example.com"}}"""
                .formatted(TYPE)).getBody();
        String number = opened.get("number").asText();
        assertThat(opened.get("group").asText()).isEqualTo("support");

        complete(number, "checkRequest");

        JsonNode atFinance = api.ticket("admin", number);
        assertThat(atFinance.get("group").asText()).as("the group of the open task").isEqualTo("finance");
        assertThat(atFinance.at("/currentTasks/0/candidateGroups").toString()).contains("finance");
        assertThat(atFinance.path("assignee").asText(null))
                .isEqualTo(atFinance.at("/currentTasks/0").path("assignee").asText(null));
        JsonNode handOff = last(atFinance, "HANDED_OFF");
        assertThat(handOff.get("from").asText()).isEqualTo("support");
        assertThat(handOff.get("to").asText()).isEqualTo("finance");
        assertThat(handOff.get("summary").asText()).isEqualTo("退款");
        assertThat(numbersListed("fiona", "finance")).contains(number);
        assertThat(numbersListed("alice", "support")).doesNotContain(number);
        assertThat(api.ticket("alice", number).get("group").asText()).as("the opener still sees where it went")
                .isEqualTo("finance");

        complete(number, "refundCustomer");

        JsonNode back = api.ticket("admin", number);
        assertThat(back.get("group").asText()).isEqualTo("support");
        JsonNode handedBack = last(back, "HANDED_OFF");
        assertThat(handedBack.get("from").asText()).isEqualTo("finance");
        assertThat(handedBack.get("to").asText()).isEqualTo("support");
        assertThat(handedBack.get("summary").asText()).isEqualTo("回访");
        assertThat(api.ticket("fiona", number).get("group").asText()).as("finance, which held it, still sees it")
                .isEqualTo("support");
        assertThat(numbersListed("alice", "support")).contains(number);
    }

    @Test
    void the_department_a_type_without_routing_opens_its_tickets_in_still_sees_them_after_a_hand_off() {
        deploy(false);
        String number = api.post("alice", "/api/tickets", """
                {"type":"%s","subject":"会员卡升级咨询","customer":{"name":"赵六"}}""".formatted(TYPE))
                .getBody().get("number").asText();

        complete(number, "checkRequest");

        assertThat(api.ticket("admin", number).get("group").asText()).isEqualTo("finance");
        assertThat(api.ticket("alice", number).get("group").asText()).isEqualTo("finance");
    }

    /** Completes the ticket's open task of that step as whoever may: its assignee, or a member who claims it. */
    private void complete(String number, String step) {
        JsonNode task = api.ticket("admin", number).get("currentTasks").get(0);
        assertThat(task.get("key").asText()).isEqualTo(step);
        String agent = task.hasNonNull("assignee") ? task.get("assignee").asText()
                : AGENT_OF.get(task.at("/candidateGroups/0").asText());
        String path = "/api/tickets/" + number + "/tasks/" + task.get("id").asText();
        if (!task.hasNonNull("assignee")) {
            assertThat(api.post(agent, path + "/claim", "{}").getStatusCode().is2xxSuccessful()).isTrue();
        }
        assertThat(api.post(agent, path + "/complete", "{}").getStatusCode().is2xxSuccessful()).isTrue();
    }

    private List<String> numbersListed(String user, String group) {
        List<String> numbers = new ArrayList<>();
        api.get(user, "/api/tickets?size=100&type=" + TYPE + "&group=" + group).getBody().get("items")
                .forEach(item -> numbers.add(item.get("number").asText()));
        return numbers;
    }

    private static JsonNode last(JsonNode ticket, String type) {
        JsonNode found = null;
        for (JsonNode entry : ticket.get("timeline")) {
            if (type.equals(entry.get("type").asText())) {
                found = entry;
            }
        }
        assertThat(found).as(type + " in the timeline").isNotNull();
        return found;
    }

    private static void markAsTicketType(BpmnModelInstance model) {
        Process process = model.getModelElementById(TYPE);
        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        for (String[] nameAndValue : new String[][] {{"flowdesk.ticketType", "true"},
                {"flowdesk.defaultGroup", "support"}}) {
            CamundaProperty property = model.newInstance(CamundaProperty.class);
            property.setCamundaName(nameAndValue[0]);
            property.setCamundaValue(nameAndValue[1]);
            properties.addChildElement(property);
        }
        extensions.addChildElement(properties);
        process.setExtensionElements(extensions);
    }
}

package io.flowdesk.database;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.database.RunningFlowdesk.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role against each path to a ticket, ours and Camunda's, allowed or denied, before and after the ticket is
 * handed to another department: what README "Roles" promises. One application on one database (H2 file, MySQL or
 * MariaDB in the subclasses); every answer is also checked never to be a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WhoSeesWhatTest {

    /** A way to a ticket, and whether a user got through it. */
    enum Way {
        API_READ, API_LIST, API_GROUP_LIST, API_COMMENT, ENGINE_INSTANCE, ENGINE_INSTANCE_QUERY, ENGINE_VARIABLES, ENGINE_TASK,
        ENGINE_TASK_QUERY, ENGINE_FORM_VARIABLES, ENGINE_HISTORY, ENGINE_TASK_HISTORY
    }

    static final Set<Way> EVERYTHING = EnumSet.allOf(Way.class);
    static final Set<Way> NOTHING = EnumSet.noneOf(Way.class);
    /** A department that held the ticket and handed it on: the ticket and its history, not the moved task. */
    static final Set<Way> HELD_BEFORE = EnumSet.of(Way.API_READ, Way.API_LIST, Way.API_GROUP_LIST, Way.API_COMMENT,
            Way.ENGINE_INSTANCE, Way.ENGINE_INSTANCE_QUERY, Way.ENGINE_VARIABLES, Way.ENGINE_HISTORY,
            Way.ENGINE_TASK_HISTORY);
    /** Process history, without tickets, tasks or variables. */
    static final Set<Way> ANALYST = EnumSet.of(Way.ENGINE_HISTORY, Way.ENGINE_TASK_HISTORY);
    /** A system reads the ticket it opened, and works on none. */
    static final Set<Way> OPENER = EnumSet.of(Way.API_READ, Way.API_LIST, Way.API_GROUP_LIST, Way.ENGINE_INSTANCE,
            Way.ENGINE_INSTANCE_QUERY, Way.ENGINE_VARIABLES, Way.ENGINE_HISTORY, Way.ENGINE_TASK_HISTORY);

    static final List<String> USERS = List.of("alice", "sam", "tom", "ted", "fiona", "mia", "ana", "crm", "admin");

    private RunningFlowdesk flowdesk;
    private final List<String> serverErrors = new ArrayList<>();

    abstract Map<String, Object> database();

    abstract String[] profiles();

    @BeforeAll
    void start() {
        flowdesk = RunningFlowdesk.start(database(), profiles());
    }

    @AfterAll
    void stop() {
        if (flowdesk != null) {
            flowdesk.close();
        }
    }

    @Test
    void each_role_sees_a_department_s_ticket_as_its_role_says_before_and_after_a_hand_off() {
        Ticket invoice = open("alice", "finance-" + System.nanoTime() + "@example.com",
                "发票抬头开错了", "请重新开具增值税发票", "vip");
        assertThat(invoice.group()).as("an invoice question goes to finance").isEqualTo("finance");

        assertThat(whoGetsThrough(invoice)).isEqualTo(expect(Map.of(
                "fiona", EVERYTHING, "mia", EVERYTHING, "admin", EVERYTHING, "ana", ANALYST)));

        Answer handOff = flowdesk.post("fiona", "/api/tickets/" + invoice.number() + "/transfer",
                "{\"group\":\"tech\",\"reason\":\"开票系统报错\"}");
        assertThat(handOff.status()).isEqualTo(200);
        Ticket handedOn = invoice.withTask(currentTask(invoice.number()));

        assertThat(whoGetsThrough(handedOn)).isEqualTo(expect(Map.of(
                "tom", EVERYTHING, "ted", EVERYTHING, "fiona", HELD_BEFORE,
                "mia", EVERYTHING, "admin", EVERYTHING, "ana", ANALYST)));
        assertThat(serverErrors).isEmpty();
    }

    /**
     * What opening a ticket writes for who may see it: the department's grants (its supervisors hold them too),
     * nothing for the agent routing assigned (a member of that department, covered by its grant) and no row of the
     * departments that held the ticket before (it held none). The department's supervisor reassigns the task through
     * its grant, its agent and another department's supervisor do not; the assignee still works the task through
     * engine REST; once the ticket is transferred, the department it left is recorded and still reads it (the
     * matrix above).
     */
    @Test
    void opening_a_ticket_writes_the_department_s_grants_and_nothing_for_its_assignee_or_its_past() {
        Ticket fault = open("alice", "rows-" + System.nanoTime() + "@example.com", "打印机故障", "报错 E-100，无法连接",
                "standard");
        assertThat(fault.group()).isEqualTo("tech");
        String assignee = flowdesk.jdbc().queryForObject("select ASSIGNEE_ from ACT_RU_TASK where ID_ = ?",
                String.class, fault.task());
        assertThat(assignee).as("routing assigned an agent of tech").isEqualTo("tom");
        List<String> grants = flowdesk.jdbc().queryForList("select coalesce(GROUP_ID_, concat('user:', USER_ID_))"
                + " from ACT_RU_AUTHORIZATION where RESOURCE_ID_ in (?, ?) order by 1", String.class,
                fault.task(), fault.processInstance());
        assertThat(grants).containsExactly("tech", "tech", "tech");
        String reassign = "/engine-rest/task/" + fault.task() + "/assignee";
        assertThat(flowdesk.post("tom", reassign, "{\"userId\":\"ted\"}").status())
                .as("an agent does not reassign").isEqualTo(403);
        assertThat(flowdesk.post("sam", reassign, "{\"userId\":\"sam\"}").status())
                .as("support's supervisor does not reassign tech's task").isIn(403, 404);
        assertThat(flowdesk.post("ted", reassign, "{\"userId\":\"ted\"}").status())
                .as("tech's supervisor reassigns through tech's grant").isEqualTo(204);
        assertThat(flowdesk.post("ted", reassign, "{\"userId\":\"tom\"}").status()).isEqualTo(204);
        long id = Long.parseLong(fault.number().substring("TK-".length()));
        assertThat(flowdesk.jdbc().queryForList("select department from ticket_department where ticket_id = ?",
                String.class, id)).isEmpty();

        Answer completed = flowdesk.post("tom", "/engine-rest/task/" + fault.task() + "/submit-form",
                "{\"variables\":{\"priority\":{\"value\":\"normal\"}}}");
        assertThat(completed.status()).as("tom works the task through tech's grant").isEqualTo(204);

        assertThat(flowdesk.post("tom", "/api/tickets/" + fault.number() + "/transfer",
                "{\"group\":\"finance\",\"reason\":\"发票问题\"}").status()).isEqualTo(200);
        assertThat(flowdesk.jdbc().queryForList("select department from ticket_department where ticket_id = ?",
                String.class, id)).containsExactly("tech");
        assertThat(flowdesk.get("tom", "/api/tickets/" + fault.number()).status()).isEqualTo(200);
        assertThat(flowdesk.get("tom", "/engine-rest/process-instance/" + fault.processInstance()).status())
                .isEqualTo(200);
        assertThat(serverErrors).isEmpty();
    }

    /**
     * The statistics of a ticket type (engine REST, Cockpit's dashboard) count the tickets each user may read, not
     * every department's: as many as the user's own checked list of the type's process instances.
     */
    @Test
    void each_user_s_statistics_of_a_ticket_type_count_only_the_tickets_the_user_may_read() {
        open("alice", "stats-finance-" + System.nanoTime() + "@example.com", "发票抬头开错了", "请重新开具增值税发票",
                "standard");
        open("crm", "stats-tech-" + System.nanoTime() + "@example.com", "打印机故障", "报错 E-100，无法连接",
                "standard");
        long all = flowdesk.get("admin", "/engine-rest/process-instance/count?processDefinitionKey=inquiry").body()
                .get("count").asLong();
        Map<String, Long> fewer = new LinkedHashMap<>();
        for (String user : USERS) {
            long readable = count(flowdesk.get(user, "/engine-rest/process-instance/count?processDefinitionKey=inquiry"),
                    "count");
            long counted = 0;
            boolean seesType = false;
            for (JsonNode definition : flowdesk.get(user, "/engine-rest/process-definition/statistics").body()) {
                if ("inquiry".equals(definition.get("definition").get("key").asText())) {
                    counted += definition.get("instances").asLong(); // every version of the type
                    seesType = true;
                }
            }
            if (seesType) {
                assertThat(counted).as("%s's count of inquiry tickets", user).isEqualTo(readable);
            }
            if (readable < all) {
                fewer.put(user, readable);
            }
        }
        assertThat(fewer).as("departments' users read fewer tickets than there are").containsKeys("tom", "fiona", "ted");
        assertThat(serverErrors).isEmpty();
    }

    @Test
    void a_system_reads_the_ticket_it_opened_and_nothing_else() {
        Ticket fromCrm = open("crm", "crm-" + System.nanoTime() + "@example.com",
                "打印机故障", "报错 E-100，无法连接", "standard");
        assertThat(fromCrm.group()).isEqualTo("tech");

        assertThat(whoGetsThrough(fromCrm)).isEqualTo(expect(Map.of(
                "tom", EVERYTHING, "ted", EVERYTHING, "crm", OPENER,
                "mia", EVERYTHING, "admin", EVERYTHING, "ana", ANALYST)));
        assertThat(flowdesk.get("crm", "/api/tickets?size=100").body().get("items"))
                .allSatisfy(item -> assertThat(item.get("number").asText()).isEqualTo(fromCrm.number()));
        assertThat(serverErrors).isEmpty();
    }

    @Test
    void only_analysts_and_administrators_deploy_and_only_administrators_delete_deployments() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="analystCheck"
                    targetNamespace="http://flowdesk.io/test">
                  <bpmn:process id="analystCheck%d" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="started"/>
                  </bpmn:process>
                </bpmn:definitions>""";

        Answer byAgent = flowdesk.deploy("alice", "agent-deploy", "check.bpmn", model.formatted(1));
        Answer byAnalyst = flowdesk.deploy("ana", "analyst-deploy", "check.bpmn", model.formatted(2));

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byAnalyst.status()).isEqualTo(200);
        String deployment = byAnalyst.body().get("id").asText();
        assertThat(flowdesk.delete("ana", "/engine-rest/deployment/" + deployment + "?cascade=true").status())
                .as("a cascading delete would end every ticket of the model").isEqualTo(403);
        assertThat(flowdesk.delete("tom", "/engine-rest/deployment/" + deployment + "?cascade=true").status())
                .isIn(403, 404);
        assertThat(flowdesk.delete("admin", "/engine-rest/deployment/" + deployment).status()).isEqualTo(204);
    }

    @Test
    void every_user_finds_the_shared_tasklist_filters_and_each_lists_only_what_its_user_may_read() {
        Ticket invoice = open("alice", "queue-" + System.nanoTime() + "@example.com",
                "发票抬头开错了", "请重新开具增值税发票", "vip");
        for (String user : List.of("alice", "tom", "fiona", "sam", "mia")) {
            assertThat(flowdesk.get(user, "/engine-rest/filter").body()).as(user).hasSize(3);
            String all = filterId(user, "全部工单");
            JsonNode tasks = flowdesk.post(user, "/engine-rest/filter/" + all + "/list?maxResults=1000", "{}").body();
            List<String> ids = new ArrayList<>();
            tasks.forEach(task -> ids.add(task.get("id").asText()));
            if (List.of("fiona", "mia").contains(user)) {
                assertThat(ids).as(user).contains(invoice.task());
            } else {
                assertThat(ids).as(user).doesNotContain(invoice.task());
            }
        }
    }

    @Test
    void a_department_s_queue_pages_newest_first_with_a_task_offered_to_two_of_its_user_s_groups_once()
            throws InterruptedException {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Ticket question = open("alice", "paging-" + System.nanoTime() + "@example.com",
                    "营业时间咨询 " + i, "请问周末营业吗", "standard");
            assertThat(question.group()).isEqualTo("support");
            assertThat(flowdesk.post("admin", "/engine-rest/task/" + question.task() + "/unclaim", "").status())
                    .as("back in the queue from the agent it went to").isEqualTo(204);
            tasks.add(0, question.task());
            Thread.sleep(1100); // creation times a second apart: MySQL keeps whole seconds
        }
        String twice = tasks.get(1);
        assertThat(flowdesk.post("admin", "/engine-rest/task/" + twice + "/identity-links",
                "{\"groupId\":\"support-supervisors\",\"type\":\"candidate\"}").status()).isEqualTo(204);
        String queue = filterId("sam", "我组的工单");

        List<String> all = queuePage("sam", queue, 0, 1000);
        assertThat(all).doesNotHaveDuplicates().startsWith(tasks.toArray(String[]::new));
        assertThat(queuePage("sam", queue, 0, 1)).containsExactly(tasks.get(0));
        assertThat(queuePage("sam", queue, 0, 2)).containsExactly(tasks.get(0), twice);
        assertThat(queuePage("sam", queue, 1, 2)).containsExactly(twice, tasks.get(2));
        assertThat(queuePage("sam", queue, 2, 1)).containsExactly(tasks.get(2));
        assertThat(queuePage("tom", filterId("tom", "我组的工单"), 0, 1000)).doesNotContainAnyElementsOf(tasks);
        assertThat(serverErrors).isEmpty();
    }

    private String filterId(String user, String namePrefix) {
        for (JsonNode filter : flowdesk.get(user, "/engine-rest/filter").body()) {
            if (filter.get("name").asText().startsWith(namePrefix)) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError(user + " has no filter " + namePrefix);
    }

    /** A page of a Tasklist filter's tasks, newest first, as Tasklist asks for it. */
    private List<String> queuePage(String user, String filter, int first, int max) {
        Answer page = flowdesk.post(user, "/engine-rest/filter/" + filter + "/list?firstResult=" + first
                + "&maxResults=" + max, "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
        assertThat(status(page)).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    /** A ticket as the tests follow it: number, process instance, an open task, the customer's e-mail. */
    record Ticket(String number, String group, String processInstance, String task, String email) {
        Ticket withTask(String taskId) {
            return new Ticket(number, group, processInstance, taskId, email);
        }
    }

    private Ticket open(String user, String email, String subject, String description, String tier) {
        Answer created = flowdesk.post(user, "/api/tickets", """
                {"type":"inquiry","subject":"%s","description":"%s",
                 "customer":{"name":"客户","email":"%s","tier":"%s"}}""".formatted(subject, description, email, tier));
        assertThat(created.status()).isEqualTo(201);
        String number = created.body().get("number").asText();
        String processInstance = flowdesk.jdbc().queryForObject(
                "select process_instance_id from ticket where id = ?", String.class,
                Long.parseLong(number.substring("TK-".length())));
        return new Ticket(number, created.body().get("group").asText(), processInstance,
                created.body().at("/currentTasks/0/id").asText(), email);
    }

    /** The department that holds the ticket now (the list of its queue). */
    private String heldBy(Ticket ticket) {
        return flowdesk.get("admin", "/api/tickets/" + ticket.number()).body().get("group").asText();
    }

    private String currentTask(String number) {
        return flowdesk.get("admin", "/api/tickets/" + number).body().at("/currentTasks/0/id").asText();
    }

    /** Everyone not named gets nothing. */
    private static Map<String, Set<Way>> expect(Map<String, Set<Way>> named) {
        Map<String, Set<Way>> expected = new LinkedHashMap<>();
        USERS.forEach(user -> expected.put(user, named.getOrDefault(user, NOTHING)));
        return expected;
    }

    private Map<String, Set<Way>> whoGetsThrough(Ticket ticket) {
        Map<String, Set<Way>> through = new LinkedHashMap<>();
        for (String user : USERS) {
            Set<Way> paths = EnumSet.noneOf(Way.class);
            for (Way way : Way.values()) {
                if (getsThrough(user, way, ticket)) {
                    paths.add(way);
                }
            }
            through.put(user, paths);
        }
        return through;
    }

    private boolean getsThrough(String user, Way way, Ticket t) {
        String engine = "/engine-rest";
        return switch (way) {
            case API_READ -> ok(flowdesk.get(user, "/api/tickets/" + t.number()));
            case API_LIST -> count(flowdesk.get(user, "/api/tickets?customerEmail=" + t.email()), "totalItems") > 0;
            case API_GROUP_LIST -> count(flowdesk.get(user, "/api/tickets?group=" + heldBy(t) + "&customerEmail="
                    + t.email()), "totalItems") > 0;
            case API_COMMENT -> created(flowdesk.post(user, "/api/tickets/" + t.number() + "/comments",
                    "{\"visibility\":\"internal\",\"body\":\"matrix\"}"));
            case ENGINE_INSTANCE -> ok(flowdesk.get(user, engine + "/process-instance/" + t.processInstance()));
            case ENGINE_INSTANCE_QUERY -> size(flowdesk.get(user, engine + "/process-instance?businessKey="
                    + t.number())) > 0;
            case ENGINE_VARIABLES -> ok(flowdesk.get(user, engine + "/process-instance/" + t.processInstance()
                    + "/variables"));
            case ENGINE_TASK -> ok(flowdesk.get(user, engine + "/task/" + t.task()));
            case ENGINE_TASK_QUERY -> size(flowdesk.get(user, engine + "/task?processInstanceBusinessKey="
                    + t.number())) > 0;
            case ENGINE_FORM_VARIABLES -> ok(flowdesk.get(user, engine + "/task/" + t.task() + "/form-variables"));
            case ENGINE_HISTORY -> size(flowdesk.get(user, engine + "/history/process-instance?processInstanceBusinessKey="
                    + t.number())) > 0;
            case ENGINE_TASK_HISTORY -> size(flowdesk.get(user, engine + "/history/task?processInstanceBusinessKey="
                    + t.number())) > 0;
        };
    }

    private boolean ok(Answer answer) {
        return status(answer) == 200;
    }

    private boolean created(Answer answer) {
        return status(answer) == 201;
    }

    private int size(Answer answer) {
        return status(answer) == 200 ? answer.body().size() : 0;
    }

    private long count(Answer answer, String field) {
        return status(answer) == 200 ? answer.body().get(field).asLong() : 0;
    }

    private int status(Answer answer) {
        if (answer.status() >= 500) {
            serverErrors.add(answer.status() + " " + answer.body());
        }
        return answer.status();
    }
}

package io.flowdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each change the audit log records, made as an administrator, supervisor or agent makes it. */
class WhatTheAuditLogRecordsTest extends InTheApiTestsContext {

    static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="auditCheck"
                targetNamespace="http://flowdesk.io/test">
              <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="P30D">
                <bpmn:startEvent id="started"/>
              </bpmn:process>
            </bpmn:definitions>""";

    @Test
    void each_model_version_deployed_through_engine_rest_is_recorded_with_who_deployed_it() {
        String key = "auditCheck" + System.nanoTime();
        assertThat(api.deploy("admin", "audit-check", "check.bpmn", MODEL.formatted(key, "first"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(api.deploy("admin", "audit-check", "check.bpmn", MODEL.formatted(key, "second"))
                .getStatusCode().value()).isEqualTo(200);

        List<JsonNode> deployed = api.audit("action=MODEL_DEPLOYED&targetType=process-definition&actor=admin");

        assertThat(deployed).filteredOn(entry -> entry.get("targetId").asText().startsWith(key + ":"))
                .extracting(entry -> entry.get("targetId").asText()).containsExactly(key + ":2", key + ":1");
        JsonNode first = deployed.stream().filter(entry -> entry.get("targetId").asText().equals(key + ":1"))
                .findFirst().orElseThrow();
        assertThat(first.get("source").asText()).isEqualTo("engine-rest");
        assertThat(first.get("detail").asText()).contains("audit-check", "check.bpmn");
    }

    @Test
    void a_deleted_deployment_is_recorded_with_its_definitions() {
        String key = "auditCheck" + System.nanoTime();
        String deployment = api.deploy("admin", "audit-check", "check.bpmn", MODEL.formatted(key, "doomed"))
                .getBody().get("id").asText();

        assertThat(api.call("admin", HttpMethod.DELETE, "/engine-rest/deployment/" + deployment + "?cascade=true",
                null).getStatusCode().value()).isEqualTo(204);

        JsonNode deleted = api.audit("action=DEPLOYMENT_DELETED&targetType=deployment&targetId=" + deployment).get(0);
        assertThat(deleted.get("actor").asText()).isEqualTo("admin");
        assertThat(deleted.get("detail").asText())
                .isEqualTo("audit-check (" + deployment + "): " + key + ":1; with their process instances");
    }

    @Test
    void the_models_deployed_at_start_up_are_recorded_as_deployed_by_the_system() {
        assertThat(api.audit("action=MODEL_DEPLOYED&actor=system"))
                .extracting(entry -> entry.get("targetType").asText() + " " + entry.get("targetId").asText())
                .contains("process-definition inquiry:1", "decision-definition routing:1")
                .allSatisfy(target -> assertThat(target).doesNotContain("auditCheck"));
    }

    @Test
    void a_change_of_an_agents_profile_is_recorded_with_the_profile_before_and_after() {
        String before = "{\"skills\":[],\"capacity\":20,\"available\":true}";
        try {
            assertThat(api.call("sam", HttpMethod.PUT, "/api/agents/ted",
                    "{\"skills\":[\"network\",\"escalation\"],\"capacity\":12,\"available\":true}")
                    .getStatusCode().value()).isEqualTo(200);
            JsonNode changed = api.audit("action=AGENT_PROFILE_CHANGED&targetType=user&targetId=ted").get(0);
            assertThat(changed.get("actor").asText()).isEqualTo("sam");
            assertThat(changed.get("source").asText()).isEqualTo("api");
            assertThat(changed.get("detail").asText()).isEqualTo("skills none; capacity 20; available"
                    + " → skills escalation, network; capacity 12; available");

            int entries = api.audit("action=AGENT_PROFILE_CHANGED&targetId=ted").size();
            api.call("sam", HttpMethod.PUT, "/api/agents/ted",
                    "{\"skills\":[\"escalation\",\"network\"],\"capacity\":12,\"available\":true}");
            assertThat(api.audit("action=AGENT_PROFILE_CHANGED&targetId=ted")).as("no change, no entry")
                    .hasSize(entries);
        } finally {
            api.call("sam", HttpMethod.PUT, "/api/agents/ted", before);
        }
    }

    @Test
    void users_groups_memberships_passwords_and_authorizations_changed_through_engine_rest_are_recorded() {
        String user = "auditUser" + System.nanoTime() % 1_000_000;
        String group = "audit" + System.nanoTime() % 1_000_000;
        createUserAndGroup(user, group);
        assertThat(api.call("admin", HttpMethod.PUT, "/engine-rest/group/" + group + "/members/" + user, null)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(api.call("admin", HttpMethod.PUT, "/engine-rest/user/" + user + "/credentials",
                "{\"password\":\"Another-Secret-2026\",\"authenticatedUserPassword\":\"admin\"}")
                .getStatusCode().value()).isEqualTo(204);
        String authorization = api.post("admin", "/engine-rest/authorization/create",
                grant(group, "\"READ\"")).getBody().get("id").asText();
        assertThat(api.call("admin", HttpMethod.PUT, "/engine-rest/authorization/" + authorization,
                grant(group, "\"READ\",\"UPDATE\"")).getStatusCode().value()).isEqualTo(204);
        api.call("admin", HttpMethod.DELETE, "/engine-rest/authorization/" + authorization, null);
        api.call("admin", HttpMethod.DELETE, "/engine-rest/group/" + group + "/members/" + user, null);
        api.call("admin", HttpMethod.DELETE, "/engine-rest/group/" + group, null);
        api.call("admin", HttpMethod.DELETE, "/engine-rest/user/" + user, null);

        assertThat(api.audit("targetType=user&targetId=" + user))
                .extracting(entry -> entry.get("action").asText())
                .containsExactly("USER_DELETED", "PASSWORD_CHANGED", "USER_CREATED");
        assertThat(api.audit("targetType=group&targetId=" + group))
                .extracting(entry -> entry.get("action").asText() + " " + entry.get("detail").asText())
                .containsExactly("GROUP_DELETED Audit test", "MEMBERSHIP_REMOVED user " + user,
                        "MEMBERSHIP_ADDED user " + user, "GROUP_CREATED Audit test");
        assertThat(api.audit("targetType=authorization&targetId=" + authorization))
                .extracting(entry -> entry.get("action").asText() + " " + entry.get("detail").asText())
                .containsExactly(
                        "AUTHORIZATION_DELETED grant to group " + group + ": READ, UPDATE on Filter *",
                        "AUTHORIZATION_CHANGED grant to group " + group + ": READ on Filter *"
                                + " → grant to group " + group + ": READ, UPDATE on Filter *",
                        "AUTHORIZATION_CREATED grant to group " + group + ": READ on Filter *");
        assertThat(api.audit("targetId=" + user)).allSatisfy(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo("admin");
            assertThat(entry.get("source").asText()).isEqualTo("engine-rest");
            assertThat(entry.toString()).doesNotContain("Secret-2026");
        });
    }

    @Test
    void a_membership_that_fails_to_be_stored_leaves_no_entry() {
        String user = "auditUser" + System.nanoTime() % 1_000_000;
        String group = "audit" + System.nanoTime() % 1_000_000;
        createUserAndGroup(user, group);
        String membership = "/engine-rest/group/" + group + "/members/" + user;
        try {
            assertThat(api.call("admin", HttpMethod.PUT, membership, null).getStatusCode().value()).isEqualTo(204);

            assertThat(api.call("admin", HttpMethod.PUT, membership, null).getStatusCode().is2xxSuccessful())
                    .as("the same membership twice: the database refuses the second when the command commits")
                    .isFalse();

            assertThat(api.audit("action=MEMBERSHIP_ADDED&targetType=group&targetId=" + group)).hasSize(1);
        } finally {
            api.call("admin", HttpMethod.DELETE, "/engine-rest/group/" + group, null);
            api.call("admin", HttpMethod.DELETE, "/engine-rest/user/" + user, null);
        }
    }

    @Test
    void a_transfer_is_recorded_with_the_departments_and_the_reason() {
        JsonNode ticket = api.open(Api.PLAIN_INQUIRY);
        String number = ticket.get("number").asText();
        assertThat(ticket.get("group").asText()).isEqualTo("support");

        assertThat(api.post("alice", "/api/tickets/" + number + "/transfer",
                "{\"group\":\"tech\",\"reason\":\"是系统故障\"}").getStatusCode().value()).isEqualTo(200);

        JsonNode transferred = api.audit("action=TICKET_TRANSFERRED&targetType=ticket&targetId=" + number).get(0);
        assertThat(transferred.get("actor").asText()).isEqualTo("alice");
        assertThat(transferred.get("detail").asText()).isEqualTo("support → tech: 是系统故障");
    }

    @Test
    void a_supervisor_reassigning_a_task_is_recorded_but_an_agent_claiming_an_open_task_is_not() {
        JsonNode ticket = api.open(Api.PLAIN_INQUIRY);
        String task = ticket.at("/currentTasks/0/id").asText();
        String first = ticket.at("/currentTasks/0/assignee").asText();
        String second = first.equals("alice") ? "bob" : "alice";

        assertThat(api.post("sam", "/engine-rest/task/" + task + "/assignee", "{\"userId\":\"" + second + "\"}")
                .getStatusCode().value()).isEqualTo(204);
        assertThat(api.post("sam", "/engine-rest/task/" + task + "/unclaim", null).getStatusCode().value())
                .isEqualTo(204);
        assertThat(api.post(second, "/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + second + "\"}")
                .getStatusCode().value()).isEqualTo(204);

        assertThat(api.audit("action=TASK_REASSIGNED&targetType=task&targetId=" + task))
                .extracting(entry -> entry.get("actor").asText() + ": " + entry.get("detail").asText())
                .containsExactly("sam: 受理咨询 of " + ticket.get("number").asText() + ": " + second + " → nobody",
                        "sam: 受理咨询 of " + ticket.get("number").asText() + ": " + first + " → " + second);
    }

    @Test
    void opening_a_ticket_and_completing_its_task_record_nothing() {
        long before = total();

        JsonNode ticket = api.open(Api.PLAIN_INQUIRY);
        assertThat(api.post(ticket.at("/currentTasks/0/assignee").asText(),
                "/engine-rest/task/" + ticket.at("/currentTasks/0/id").asText() + "/complete",
                "{\"variables\":{\"priority\":{\"value\":\"normal\"}}}").getStatusCode().value()).isEqualTo(204);

        assertThat(total()).isEqualTo(before);
    }

    private long total() {
        return api.get("admin", "/api/audit?size=1").getBody().get("totalItems").asLong();
    }

    private void createUserAndGroup(String user, String group) {
        assertThat(api.post("admin", "/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"Audit","lastName":"Test","email":"audit@example.com"},
                 "credentials":{"password":"Some-Secret-2026"}}""".formatted(user)).getStatusCode().value())
                .isEqualTo(204);
        assertThat(api.post("admin", "/engine-rest/group/create",
                "{\"id\":\"" + group + "\",\"name\":\"Audit test\",\"type\":\"WORKFLOW\"}").getStatusCode().value())
                .isEqualTo(204);
    }

    /** A grant to the group on every Tasklist filter. */
    private static String grant(String group, String permissions) {
        return "{\"type\":1,\"permissions\":[" + permissions + "],\"groupId\":\"" + group
                + "\",\"resourceType\":5,\"resourceId\":\"*\"}";
    }
}

package io.flowdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.web.SupportDesk.Answer;
import io.flowdesk.web.SupportDesk.HeldTask;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26, item 7: a task form in Tasklist shows its ticket's context. The form variables Tasklist reads for a
 * Camunda Form carry who the customer is, the SLA clocks' due times and the conversation so far (Markdown for the
 * forms' text views, what the customer typed escaped), read as the agent may see the ticket; engine REST's own
 * answer is the engine's variables alone, and nothing of it is stored in the process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskFormTicketContextTest {

    final SupportDesk desk;

    TaskFormTicketContextTest(@Autowired TestRestTemplate http, @Autowired ProcessEngine engine) {
        this.desk = new SupportDesk(http, engine);
    }

    @Test
    void tasklists_form_variables_carry_the_customer_the_sla_due_times_and_the_conversation() {
        HeldTask task = desk.openTicket();
        assertThat(desk.post("alice", "/api/tickets/" + task.number() + "/comments",
                "{\"visibility\":\"public\",\"body\":\"您好，请看 [这里](http://evil.example) 的说明\"}").status())
                .isEqualTo(201);
        assertThat(desk.post("alice", "/api/tickets/" + task.number() + "/comments",
                "{\"visibility\":\"internal\",\"body\":\"积分系统昨晚有延迟\"}").status()).isEqualTo(201);

        JsonNode variables = desk.tasklist(task.holder()).get("/task/" + task.id() + "/form-variables").body();

        assertThat(text(variables, "ticketCustomer")).contains("**李雷**", "li@example\\.com", "渠道 Channel: api");
        assertThat(text(variables, "ticketSla")).contains("首次响应 First response: 计时中 running, 到期 due 20", "(+08:00)",
                "解决 Resolution: 计时中 running, 到期 due 20");
        String conversation = text(variables, "ticketConversation");
        assertThat(conversation).contains("**客户请求 Request**: 会员积分没有到账",
                "**回复客户 Reply · alice**: 您好，请看 \\[这里\\]\\(http://evil\\.example\\) 的说明",
                "**内部备注 Internal note · alice**: 积分系统昨晚有延迟");
        assertThat(conversation.indexOf("客户请求")).isLessThan(conversation.indexOf("积分系统昨晚有延迟"));
        assertThat(variables.get("ticketNumber").get("value").asText()).isEqualTo(task.number());
    }

    @Test
    void engine_rest_and_a_call_naming_other_variables_get_the_engines_variables_alone() {
        HeldTask task = desk.openTicket();

        Answer engineRest = desk.get(task.holder(), "/engine-rest/task/" + task.id() + "/form-variables");
        Answer named = desk.tasklist(task.holder())
                .get("/task/" + task.id() + "/form-variables?variableNames=ticketNumber,subject");
        Answer one = desk.tasklist(task.holder())
                .get("/task/" + task.id() + "/form-variables?variableNames=subject,ticketSla");

        assertThat(engineRest.status()).isEqualTo(200);
        assertThat(engineRest.body().has("ticketNumber")).isTrue();
        assertThat(engineRest.body().has("ticketCustomer")).isFalse();
        assertThat(named.body().has("ticketConversation")).isFalse();
        assertThat(one.body().has("ticketSla")).isTrue();
        assertThat(one.body().has("ticketCustomer")).isFalse();
        assertThat(desk.get("alice", "/engine-rest/process-instance?businessKey=" + task.number()).body().get(0)
                .get("id").asText()).isNotBlank();
        String instance = desk.get("alice", "/engine-rest/process-instance?businessKey=" + task.number()).body()
                .get(0).get("id").asText();
        assertThat(desk.get("alice", "/engine-rest/process-instance/" + instance + "/variables").body()
                .has("ticketConversation")).as("stored in the process").isFalse();
    }

    @Test
    void an_escalation_of_the_shared_step_shows_the_supervisor_its_form_with_the_tickets_context() {
        HeldTask escalated = desk.escalateLateFirstResponse(desk.openTicket());
        assertThat(escalated.name()).isEqualTo("主管督办");
        String escalation = escalated.id();

        Answer form = desk.tasklist("sam").get("/task/" + escalation + "/deployed-form");
        JsonNode variables = desk.tasklist("sam").get("/task/" + escalation + "/form-variables").body();
        Answer named = desk.tasklist("sam").get("/task/" + escalation + "/form-variables?variableNames=subject,ticketSla");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body().get("id").asText()).isEqualTo("ticket-escalation-follow-up");
        assertThat(text(variables, "ticketCustomer")).contains("**李雷**");
        assertThat(text(variables, "ticketSla")).contains("首次响应 First response: 已超时 breached");
        assertThat(text(variables, "ticketConversation")).contains("会员积分没有到账");
        assertThat(variables.get("escalationReason").get("value").asText()).isEqualTo("lateFirstResponse");
        assertThat(named.body().has("ticketSla")).as("the ticket found through the task's variable: a supervisor"
                + " does not read the called process instance itself").isTrue();
    }

    @Test
    void an_agent_of_another_department_gets_no_form_variables_and_no_context() {
        HeldTask task = desk.openTicket();

        Answer tom = desk.tasklist("tom").get("/task/" + task.id() + "/form-variables");

        assertThat(tom.status()).isIn(403, 404);
        assertThat(tom.body() == null ? "" : tom.body().toString()).doesNotContain("李雷");
    }

    private static String text(JsonNode variables, String name) {
        JsonNode variable = variables.get(name);
        assertThat(variable).as(name + " in " + variables.fieldNames()).isNotNull();
        assertThat(variable.get("type").asText()).isEqualTo("String");
        return variable.get("value").asText();
    }
}

package io.flowdesk.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.portal.CustomerInPortal.Answer;
import io.flowdesk.portal.CustomerInPortal.Ticket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer portal's API as its pages use it: a request submitted with files, followed by its link or by its
 * number and the customer's e-mail address, answered; and what it never tells a customer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalApiTest {

    private static final String SCRIPT = "<script>window.pwned=1</script>";

    @Autowired TestRestTemplate http;
    @Autowired PortalLinks links;

    @Test
    void a_request_submitted_in_the_portal_is_a_web_ticket_of_its_customer_with_its_files() {
        CustomerInPortal customer = new CustomerInPortal(http);

        Ticket ticket = customer.submitted(CustomerInPortal.POINTS_QUESTION.formatted(customer.email()),
                Map.of("截图.txt", "积分记录".getBytes(StandardCharsets.UTF_8)));

        assertThat(ticket.number()).matches("TK-\\d{6}");
        assertThat(ticket.token()).matches("[A-Za-z0-9_-]{22}");
        JsonNode atTheDesk = new DeskAgents(http).ticket(ticket.number());
        assertThat(atTheDesk.get("type").asText()).isEqualTo("inquiry");
        assertThat(atTheDesk.get("channel").asText()).isEqualTo("web");
        assertThat(atTheDesk.at("/customer/name").asText()).isEqualTo("李雷");
        assertThat(atTheDesk.at("/customer/email").asText()).isEqualTo(customer.email());
        assertThat(atTheDesk.at("/customer/phone").asText()).isEqualTo("13800000000");
        assertThat(atTheDesk.at("/fields/orderNumber").asText()).isEqualTo("SO-7001");
        assertThat(atTheDesk.at("/timeline/0/actor").asText()).isEqualTo("portal");
        assertThat(atTheDesk.at("/currentTasks/0/key").asText()).as("its process started").isEqualTo("acceptInquiry");

        JsonNode followed = customer.ticket(ticket).json();
        assertThat(followed.get("status").asText()).isEqualTo("received");
        assertThat(followed.at("/type/zh").asText()).isEqualTo("咨询");
        assertThat(followed.at("/type/en").asText()).isEqualTo("Question");
        assertThat(followed.at("/fields/0/label/en").asText()).isEqualTo("Order number");
        assertThat(followed.at("/fields/0/value/zh").asText()).isEqualTo("SO-7001");
        assertThat(followed.at("/contact/email").asText()).as("half hidden").startsWith("c***@");
        assertThat(followed.at("/attachments/0/fileName").asText()).isEqualTo("截图.txt");
        assertThat(followed.at("/timeline/0/kind").asText()).isEqualTo("submitted");
        assertThat(followed.get("mayAnswer").asBoolean()).isTrue();
        assertThat(followed.get("mayRate").asBoolean()).isFalse();

        ResponseEntity<byte[]> file = customer.download(ticket, followed.at("/attachments/0/id").asLong());
        assertThat(new String(file.getBody(), StandardCharsets.UTF_8)).isEqualTo("积分记录");
        assertThat(file.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("截图.txt");
        assertThat(file.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");
    }

    @Test
    void an_uploaded_page_is_downloaded_as_bytes_never_shown_as_a_page_of_the_site() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = customer.submitted(CustomerInPortal.POINTS_QUESTION.formatted(customer.email()),
                Map.of("page.html", ("<html>" + SCRIPT + "</html>").getBytes(StandardCharsets.UTF_8)));

        ResponseEntity<byte[]> file = customer.download(ticket,
                customer.ticket(ticket).json().at("/attachments/0/id").asLong());

        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(file.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void the_link_and_the_number_with_the_customers_e_mail_address_open_the_same_ticket() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = customer.submitsAQuestion();

        Answer lookedUp = customer.lookup(" " + ticket.number().toLowerCase() + " ", customer.email().toUpperCase());

        assertThat(lookedUp.status()).isEqualTo(200);
        assertThat(lookedUp.json().get("number").asText()).isEqualTo(ticket.number());
        assertThat(lookedUp.json().get("token").asText()).isEqualTo(ticket.token());
        assertThat(links.ticketLink(ticket.number())).endsWith("/portal/t/" + ticket.number() + "?k=" + ticket.token());
        assertThat(links.surveyLink(ticket.number()))
                .endsWith("/portal/t/" + ticket.number() + "/rate?k=" + ticket.token());
        assertThat(customer.get("/portal/t/" + ticket.number() + "/rate?k=" + ticket.token()).status()).isEqualTo(200);
        assertThat(customer.ticket(ticket).json().get("subject").asText()).isEqualTo("会员积分没有到账");
    }

    @Test
    void a_wrong_token_a_wrong_e_mail_address_and_a_ticket_that_does_not_exist_answer_the_same_404() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = customer.submitsAQuestion();
        Ticket other = new CustomerInPortal(http).submitsAQuestion();
        String missing = "TK-999999";

        List<Answer> refused = List.of(
                customer.ticket(ticket.number(), "AAAAAAAAAAAAAAAAAAAAAA"),
                customer.ticket(ticket.number(), other.token()),
                customer.ticket(ticket.number(), ""),
                customer.ticket(ticket.number(), "not base64 !"),
                customer.lookup(ticket.number(), "someone.else@example.com"),
                customer.ticket(missing, ticket.token()),
                customer.lookup(missing, customer.email()));

        for (Answer answer : refused) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.json().get("title").asText()).isEqualTo("Ticket not found");
            String number = answer.json().get("detail").asText().contains(missing) ? missing : ticket.number();
            assertThat(answer.json().get("detail").asText())
                    .isEqualTo("No ticket " + number + " for this link or e-mail address");
        }
    }

    @Test
    void internal_notes_agents_departments_and_tasks_never_reach_the_customer() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = customer.submitsAQuestion();
        DeskAgents desk = new DeskAgents(http);
        JsonNode before = desk.ticket(ticket.number());
        String group = before.get("group").asText();

        List<Answer> answers = new ArrayList<>();
        answers.add(customer.ticket(ticket));
        answers.add(customer.answer(ticket, "积分还是没有到账", Map.of()));
        desk.resolve(ticket.number());
        answers.add(customer.ticket(ticket));
        answers.add(customer.lookup(ticket.number(), customer.email()));
        answers.add(customer.rate(ticket, "{\"score\":5}"));
        answers.add(customer.ticket(ticket));
        JsonNode atTheDesk = desk.ticket(ticket.number());
        String assignee = atTheDesk.get("assignee").asText();

        assertThat(types(atTheDesk)).contains("INTERNAL_NOTE", "ROUTED", "SLA_STARTED", "ASSIGNED", "STEP_COMPLETED");
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
            assertThat(answer.body()).doesNotContain("INTERNAL-ONLY", "INTERNAL_NOTE", "\"" + group + "\"",
                    "\"" + assignee + "\"", "assignee", "candidateGroups", "currentTasks", "\"sla\"", "actor",
                    "ROUTED", "firstResponse", "受理咨询");
        }
        JsonNode resolved = answers.get(answers.size() - 1).json();
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(kinds(resolved)).containsExactly("submitted", "message", "status", "reply", "status", "rating");
        assertThat(resolved.at("/timeline/3/body").asText()).isEqualTo(DeskAgents.PUBLIC_REPLY);
        assertThat(resolved.at("/timeline/2/status").asText()).isEqualTo("in_progress");
        assertThat(resolved.at("/timeline/4/status").asText()).isEqualTo("resolved");
    }

    @Test
    void the_customers_answer_is_a_customer_message_in_the_timeline_with_its_files() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = customer.submitsAQuestion();

        Answer answered = customer.answer(ticket, "  订单号是 SO-7001，截图见附件。 ",
                Map.of("points.txt", "0 分".getBytes(StandardCharsets.UTF_8)));

        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        assertThat(kinds(answered.json())).containsExactly("submitted", "message");
        assertThat(answered.json().at("/timeline/1/body").asText()).isEqualTo("订单号是 SO-7001，截图见附件。");
        assertThat(answered.json().at("/attachments/0/fileName").asText()).isEqualTo("points.txt");
        JsonNode message = entry(new DeskAgents(http).ticket(ticket.number()), "CUSTOMER_MESSAGE");
        assertThat(message.get("body").asText()).isEqualTo("订单号是 SO-7001，截图见附件。");
        assertThat(message.get("actor").asText()).isEqualTo(customer.email());
    }

    @Test
    void a_closed_ticket_takes_no_answer() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = new DeskAgents(http).closedFor(customer);

        Answer answered = customer.answer(ticket, "还有一个问题", Map.of());

        assertThat(answered.status()).isEqualTo(409);
        assertThat(answered.json().get("title").asText()).isEqualTo("Ticket closed");
        assertThat(customer.ticket(ticket).json().get("mayAnswer").asBoolean()).isFalse();
        assertThat(customer.ticket(ticket).json().get("status").asText()).isEqualTo("closed");
    }

    @Test
    void what_a_customer_typed_comes_back_as_typed_and_the_pages_hold_none_of_it() throws IOException {
        CustomerInPortal customer = new CustomerInPortal(http);
        String request = """
                {"type":"inquiry","subject":"%1$s 积分","description":"%1$s <img src=x onerror=alert(1)>",
                 "contact":{"name":"%1$s 李雷","email":"%2$s"}}""".formatted(SCRIPT.replace("/", "\\/"),
                customer.email());
        Ticket ticket = customer.submitted(request, Map.of());

        JsonNode answered = customer.answer(ticket, SCRIPT + " 留言", Map.of()).json();

        assertThat(answered.get("subject").asText()).isEqualTo(SCRIPT + " 积分");
        assertThat(answered.get("description").asText()).isEqualTo(SCRIPT + " <img src=x onerror=alert(1)>");
        assertThat(answered.at("/contact/name").asText()).isEqualTo(SCRIPT + " 李雷");
        assertThat(answered.at("/timeline/1/body").asText()).isEqualTo(SCRIPT + " 留言");
        Answer page = customer.get("/portal/t/" + ticket.number() + "?k=" + ticket.token());
        assertThat(page.headers().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.body()).as("the page is the static file: the ticket comes as JSON, put in as text")
                .isEqualTo(new ClassPathResource("static/portal/ticket.html").getContentAsString(StandardCharsets.UTF_8));
        assertThat(customer.ticket(ticket).headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    }

    @Test
    void a_request_that_breaks_the_rules_is_a_400_naming_each_field() {
        CustomerInPortal customer = new CustomerInPortal(http);

        Answer incomplete = customer.submit("""
                {"type":"inquiry","subject":" ","description":"x","contact":{"name":"李雷","email":"not an address"}}""",
                Map.of());
        Answer internalType = customer.submit("""
                {"type":"customerConfirmation","subject":"s","description":"d",
                 "contact":{"name":"李雷","email":"%s"}}""".formatted(customer.email()), Map.of());
        Answer missingField = customer.submit("""
                {"type":"return-refund","subject":"退货","description":"d","contact":{"name":"李雷","email":"%s"},
                 "fields":{"returnReason":"damaged"}}""".formatted(customer.email()), Map.of());

        assertThat(fields(incomplete)).containsExactlyInAnyOrder("subject", "contact.email");
        assertThat(fields(internalType)).containsExactly("type");
        assertThat(fields(missingField)).containsExactly("fields.orderNumber");
        for (Answer answer : List.of(incomplete, internalType, missingField)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void files_beyond_the_portals_limits_are_refused_naming_them_and_nothing_is_stored() {
        CustomerInPortal customer = new CustomerInPortal(http);
        String request = CustomerInPortal.POINTS_QUESTION.formatted(customer.email());

        Answer tooLarge = customer.submit(request, Map.of("ok.txt", new byte[10],
                "video.txt", new byte[5 * 1024 * 1024 + 1]));
        Answer tooMany = customer.submit(request, Map.of("1.txt", new byte[1], "2.txt", new byte[1],
                "3.txt", new byte[1], "4.txt", new byte[1]));

        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().at("/errors/0/field").asText()).matches("files\\[[01]]");
        assertThat(tooLarge.json().at("/errors/0/message").asText()).isEqualTo("video.txt is larger than 5MB");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(fields(tooMany)).containsExactly("files");
        assertThat(new DeskAgents(http).list("customerEmail=" + customer.email()).get("totalItems").asInt())
                .isZero();
    }

    @Test
    void the_form_offers_the_customer_facing_types_with_their_fields_in_both_languages() {
        JsonNode types = new CustomerInPortal(http).get("/portal/api/ticket-types").json();

        List<String> keys = new ArrayList<>();
        types.forEach(type -> keys.add(type.get("key").asText()));
        assertThat(keys).containsExactly("inquiry", "technical-fault", "return-refund", "refund-request", "complaint");
        JsonNode returnRefund = types.get(2);
        assertThat(returnRefund.at("/name/zh").asText()).isEqualTo("退货退款");
        assertThat(returnRefund.at("/name/en").asText()).isEqualTo("Return and refund");
        assertThat(returnRefund.at("/fields/1/name").asText()).isEqualTo("returnReason");
        assertThat(returnRefund.at("/fields/1/required").asBoolean()).isTrue();
        assertThat(returnRefund.at("/fields/1/choices/0/value").asText()).isEqualTo("damaged");
        assertThat(returnRefund.at("/fields/1/choices/0/label/zh").asText()).isEqualTo("商品损坏");
        assertThat(returnRefund.at("/fields/1/choices/0/label/en").asText()).isEqualTo("Damaged");
        assertThat(returnRefund.toString()).doesNotContain("defaultGroup", "support", "processDefinitionId");
    }

    private static List<String> fields(Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    private static List<String> kinds(JsonNode ticket) {
        List<String> kinds = new ArrayList<>();
        ticket.get("timeline").forEach(entry -> kinds.add(entry.get("kind").asText()));
        return kinds;
    }

    static List<String> types(JsonNode ticket) {
        List<String> types = new ArrayList<>();
        ticket.get("timeline").forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    static JsonNode entry(JsonNode ticket, String type) {
        for (JsonNode entry : ticket.get("timeline")) {
            if (entry.get("type").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in " + ticket.get("timeline"));
    }
}

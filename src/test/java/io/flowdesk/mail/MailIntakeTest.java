package io.flowdesk.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.flowdesk.attachment.TicketAttachments;
import io.flowdesk.mail.MailIntake.Intake;
import io.flowdesk.mail.MailIntake.Intake.Result;
import io.flowdesk.mail.MailProperties.Mailbox;
import io.flowdesk.ticket.TicketUpdates;
import jakarta.mail.Session;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27, item 1: mail in, against a real IMAP server in the test's JVM (GreenMail). A new mail opens a ticket;
 * a reply lands on its ticket by In-Reply-To, or by the number in its subject when the client dropped the headers;
 * a stranger quoting a number opens a ticket of their own and the timeline says so; the same message fetched twice
 * (or by two nodes at once) is one ticket; an unreadable mail is kept and reported, and not fetched again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MailIntakeTest {

    private static final String MAILBOX_ADDRESS = "support@flowdesk.test";

    @RegisterExtension
    static final GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @Autowired MailIntake intake;
    @Autowired TicketUpdates updates;
    @Autowired TicketAttachments attachments;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired TestRestTemplate http;

    private GreenMailUser inbox;
    private Mailbox mailbox;

    @BeforeEach
    void openTheSupportMailbox() {
        inbox = mailServer.setUser(MAILBOX_ADDRESS, "support", "secret");
        mailbox = new Mailbox("support", "imap", "127.0.0.1", mailServer.getImap().getPort(), "support", "secret",
                null, null);
    }

    @Test
    void a_new_mail_opens_a_ticket_with_its_sender_subject_text_and_attachments() throws Exception {
        String customer = unique("wang");
        deliver(mail("<first." + System.nanoTime() + "@client.example>", "王芳 <" + customer + ">", "打印机无法连接",
                "办公室的打印机连不上网络。\n\n在 2026年12月5日 写道：\n> 旧的引用", null, null,
                attachment("error.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})));

        List<Intake> taken = poll();

        assertThat(taken).extracting(Intake::result).containsExactly(Result.CREATED);
        JsonNode ticket = ticket(taken.get(0).ticketNumber());
        assertThat(ticket.get("channel").asText()).isEqualTo("email");
        assertThat(ticket.get("type").asText()).isEqualTo("inquiry");
        assertThat(ticket.get("subject").asText()).isEqualTo("打印机无法连接");
        assertThat(ticket.get("description").asText()).isEqualTo("办公室的打印机连不上网络。");
        assertThat(ticket.at("/customer/name").asText()).isEqualTo("王芳");
        assertThat(ticket.at("/customer/email").asText()).isEqualTo(customer);
        assertThat(attachmentsOf(taken.get(0).ticketNumber())).containsExactly("error.png image/png 4");
        JsonNode listed = http.withBasicAuth("admin", "admin").getForEntity("/api/tickets/"
                + taken.get(0).ticketNumber() + "/attachments", JsonNode.class).getBody();
        assertThat(listed.at("/0/fileName").asText()).isEqualTo("error.png");
        assertThat(listed.at("/0/uploadedBy").asText()).isEqualTo(customer);
        var download = http.withBasicAuth("admin", "admin").getForEntity("/api/tickets/" + taken.get(0).ticketNumber()
                + "/attachments/" + listed.at("/0/id").asLong(), byte[].class);
        assertThat(download.getBody()).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("error.png");
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(http.withBasicAuth("fiona", "demo").getForEntity("/api/tickets/" + taken.get(0).ticketNumber()
                + "/attachments", String.class).getStatusCode().value()).as("another department").isEqualTo(404);
        assertThat(poll()).as("read mails are not fetched again").isEmpty();
    }

    @Test
    void a_reply_lands_on_its_ticket_by_in_reply_to() throws Exception {
        String customer = unique("li");
        String first = "<question." + System.nanoTime() + "@client.example>";
        deliver(mail(first, customer, "发票开错了", "抬头写错了", null, null));
        String number = poll().get(0).ticketNumber();

        deliver(mail("<answer." + System.nanoTime() + "@client.example>", customer, "Re: 发票开错了",
                "正确抬头是：北京某某科技有限公司\n\nOn Fri, Dec 5, 2026 at 10:00 Flowdesk wrote:\n> 请提供正确抬头",
                first, first));
        List<Intake> taken = poll();

        assertThat(taken).containsExactly(new Intake(Result.APPENDED, number));
        assertThat(customerMessages(number)).containsExactly("正确抬头是：北京某某科技有限公司");
    }

    @Test
    void a_reply_to_a_ticket_that_waits_for_the_customer_moves_its_flow_on() throws Exception {
        String customer = unique("wait");
        String first = "<w." + System.nanoTime() + "@client.example>";
        deliver(mail(first, customer, "会员积分没有到账", "积分少了 200", null, null));
        String number = poll().get(0).ticketNumber();
        String process = updates.find(number).orElseThrow().getProcessInstanceId();
        completeOpenWork(process, Map.of("priority", "normal"));
        completeOpenWork(process, Map.of("nextStep", "ask_customer", "publicReply", "请提供会员卡号"));
        assertThat(ticket(number).get("status").asText()).isEqualTo("pending_customer");

        deliver(mail("<w2." + System.nanoTime() + "@client.example>", customer, "Re: 会员积分没有到账",
                "卡号 8800123", first, first));

        assertThat(poll()).containsExactly(new Intake(Result.APPENDED, number));
        assertThat(ticket(number).get("status").asText()).isEqualTo("in_progress");
        assertThat(taskService.createTaskQuery().processInstanceId(process).singleResult().getTaskDefinitionKey())
                .isEqualTo("handleInquiry");
    }

    /** Completes the ticket's one open task as its assignee, as the agent does in Tasklist. */
    private void completeOpenWork(String processInstanceId, Map<String, Object> formValues) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        String agent = task.getAssignee() != null ? task.getAssignee() : "alice";
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), agent);
        }
        identityService.setAuthentication(agent, List.of("support"));
        try {
            taskService.complete(task.getId(), formValues);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void a_reply_whose_client_dropped_the_headers_lands_by_the_number_in_its_subject() throws Exception {
        String customer = unique("zhao");
        deliver(mail("<q." + System.nanoTime() + "@client.example>", customer, "退货地址是哪里", "想退货", null, null));
        String number = poll().get(0).ticketNumber();

        deliver(mail("<r." + System.nanoTime() + "@other-client.example>", customer.toUpperCase(),
                "回复：[" + number + "] 退货地址是哪里", "已寄出，单号 SF123", null, null));

        assertThat(poll()).containsExactly(new Intake(Result.APPENDED, number));
        assertThat(customerMessages(number)).containsExactly("已寄出，单号 SF123");
    }

    @Test
    void a_stranger_quoting_a_ticket_number_opens_a_ticket_of_their_own_and_the_timeline_says_so() throws Exception {
        String customer = unique("sun");
        String first = "<s." + System.nanoTime() + "@client.example>";
        deliver(mail(first, customer, "账号被锁", "登录不了", null, null));
        String number = poll().get(0).ticketNumber();

        String stranger = unique("stranger");
        deliver(mail("<x." + System.nanoTime() + "@elsewhere.example>", stranger, "Re: [" + number + "] 账号被锁",
                "请把这个账号转给我", first, first));
        List<Intake> taken = poll();

        assertThat(taken).extracting(Intake::result).containsExactly(Result.CREATED);
        String own = taken.get(0).ticketNumber();
        assertThat(own).isNotEqualTo(number);
        assertThat(customerMessages(number)).isEmpty();
        assertThat(timeline(own, "RELATED_TICKET")).singleElement().asString()
                .contains(stranger, "is not on " + number);
    }

    @Test
    void an_address_copied_on_the_first_mail_may_reply() throws Exception {
        String customer = unique("zhou");
        String colleague = unique("colleague");
        String first = "<c." + System.nanoTime() + "@client.example>";
        deliver(mail(first, customer, "合同续签", "请联系我和同事", null, null, colleague));
        String number = poll().get(0).ticketNumber();

        deliver(mail("<d." + System.nanoTime() + "@client.example>", colleague, "Re: 合同续签", "我是同事，补充一下",
                first, first));

        assertThat(poll()).containsExactly(new Intake(Result.APPENDED, number));
    }

    @Test
    void a_reply_to_a_closed_ticket_opens_a_follow_up_that_names_it() throws Exception {
        String customer = unique("qian");
        String first = "<e." + System.nanoTime() + "@client.example>";
        deliver(mail(first, customer, "快递丢了", "一直没收到", null, null));
        String number = poll().get(0).ticketNumber();
        updates.changeStatus(number, "closed", "alice");

        deliver(mail("<f." + System.nanoTime() + "@client.example>", customer, "Re: 快递丢了", "又丢了一个", first,
                first));
        List<Intake> taken = poll();

        assertThat(taken).extracting(Intake::result).containsExactly(Result.CREATED);
        assertThat(timeline(taken.get(0).ticketNumber(), "RELATED_TICKET")).singleElement().asString()
                .contains("follow-up of " + number);
        assertThat(timeline(number, "RELATED_TICKET")).singleElement().asString()
                .contains(taken.get(0).ticketNumber());
    }

    @Test
    void the_same_message_fetched_twice_or_by_two_nodes_at_once_is_one_ticket() throws Exception {
        String messageId = "<twice." + System.nanoTime() + "@client.example>";
        String customer = unique("twice");
        deliver(mail(messageId, customer, "重复投递", "同一封邮件", null, null));
        deliver(mail(messageId, customer, "重复投递", "同一封邮件", null, null));

        List<Intake> taken = poll();
        assertThat(taken).extracting(Intake::result).containsExactly(Result.CREATED, Result.DUPLICATE);

        String again = "<race." + System.nanoTime() + "@client.example>";
        deliver(mail(again, customer, "两个节点同时取信", "同一封邮件", null, null));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Intake>>> polls = nodes.invokeAll(List.<Callable<List<Intake>>>of(this::poll, this::poll));
            List<Result> results = new ArrayList<>();
            for (Future<List<Intake>> poll : polls) {
                poll.get().forEach(intake -> results.add(intake.result()));
            }
            assertThat(results).contains(Result.CREATED).doesNotContain(Result.FAILED)
                    .filteredOn(result -> result == Result.CREATED).hasSize(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(http.withBasicAuth("admin", "admin").getForEntity("/api/tickets?customerEmail=" + customer,
                JsonNode.class).getBody().get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void an_out_of_office_reply_is_recorded_but_neither_a_ticket_nor_a_customer_message() throws Exception {
        String customer = unique("away");
        String first = "<away." + System.nanoTime() + "@client.example>";
        deliver(mail(first, customer, "报销单据", "请查收", null, null));
        String number = poll().get(0).ticketNumber();

        deliver(("Message-ID: <ooo." + System.nanoTime() + "@client.example>\r\nFrom: " + customer
                + "\r\nAuto-Submitted: auto-replied\r\nIn-Reply-To: " + first + "\r\nSubject: Out of office\r\n\r\n"
                + "I am away until Monday.\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(poll()).containsExactly(new Intake(Result.IGNORED, number));
        assertThat(customerMessages(number)).isEmpty();
    }

    @Test
    void an_unreadable_mail_is_kept_and_reported_and_not_fetched_again() throws Exception {
        deliver(("Message-ID: <broken." + System.nanoTime() + "@nowhere.example>\r\nSubject: no sender\r\n\r\n"
                + "who sent this?\r\n").getBytes(StandardCharsets.US_ASCII));

        List<Intake> taken = poll();

        assertThat(taken).extracting(Intake::result).containsExactly(Result.FAILED);
        assertThat(poll()).isEmpty();

        JsonNode failed = http.withBasicAuth("admin", "admin").getForEntity("/api/mail/inbound?outcome=FAILED&size=1",
                JsonNode.class).getBody().at("/items/0");
        assertThat(failed.get("mailbox").asText()).isEqualTo("support");
        assertThat(failed.get("detail").asText()).contains("no sender");
        assertThat(http.withBasicAuth("admin", "admin").getForEntity("/api/mail/inbound/" + failed.get("id").asLong()
                + "/raw", String.class).getBody()).contains("who sent this?");
        assertThat(http.withBasicAuth("alice", "demo").getForEntity("/api/mail/inbound", String.class)
                .getStatusCode().value()).as("an agent").isEqualTo(403);
    }

    private List<Intake> poll() throws Exception {
        return new MailboxPoll(mailbox, intake).run();
    }

    private void deliver(byte[] raw) throws Exception {
        inbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    /** A mail as a client writes it, with optional In-Reply-To/References, Cc and attachments (name, type, bytes). */
    private static byte[] mail(String messageId, String from, String subject, String text, String inReplyTo,
                               String references, String... ccOrAttachments) {
        StringBuilder mail = new StringBuilder();
        mail.append("Message-ID: ").append(messageId).append("\r\n");
        mail.append("From: ").append(encodedAddress(from)).append("\r\n");
        mail.append("To: ").append(MAILBOX_ADDRESS).append("\r\n");
        List<String> attachments = new ArrayList<>();
        for (String extra : ccOrAttachments) {
            if (extra.startsWith("ATTACHMENT|")) {
                attachments.add(extra);
            } else {
                mail.append("Cc: ").append(extra).append("\r\n");
            }
        }
        if (inReplyTo != null) {
            mail.append("In-Reply-To: ").append(inReplyTo).append("\r\n");
        }
        if (references != null) {
            mail.append("References: ").append(references).append("\r\n");
        }
        mail.append("Subject: =?UTF-8?B?").append(base64(subject)).append("?=\r\n");
        mail.append("MIME-Version: 1.0\r\n");
        if (attachments.isEmpty()) {
            mail.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .append(base64(text)).append("\r\n");
        } else {
            mail.append("Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n");
            mail.append("--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .append(base64(text)).append("\r\n");
            for (String attachment : attachments) {
                String[] parts = attachment.split("\\|", 4);
                mail.append("--b1\r\nContent-Type: ").append(parts[2]).append("\r\n")
                        .append("Content-Disposition: attachment; filename=\"").append(parts[1]).append("\"\r\n")
                        .append("Content-Transfer-Encoding: base64\r\n\r\n").append(parts[3]).append("\r\n");
            }
            mail.append("--b1--\r\n");
        }
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String attachment(String name, String type, byte[] content) {
        return "ATTACHMENT|" + name + "|" + type + "|" + Base64.getEncoder().encodeToString(content);
    }

    private static String encodedAddress(String from) {
        int open = from.indexOf('<');
        return open < 0 ? from : "=?UTF-8?B?" + base64(from.substring(0, open).strip()) + "?= " + from.substring(open);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unique(String name) {
        return name + "." + System.nanoTime() + "@customer.example";
    }

    private JsonNode ticket(String number) {
        return http.withBasicAuth("admin", "admin").getForEntity("/api/tickets/" + number, JsonNode.class).getBody();
    }

    private List<String> customerMessages(String number) {
        return timeline(number, "CUSTOMER_MESSAGE");
    }

    /** The body (or summary) of each timeline entry of that type. */
    private List<String> timeline(String number, String type) {
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : ticket(number).get("timeline")) {
            if (entry.get("type").asText().equals(type)) {
                entries.add(entry.has("body") ? entry.get("body").asText() : entry.path("summary").asText());
            }
        }
        return entries;
    }

    private List<String> attachmentsOf(String number) {
        return attachments.listOf(number).stream()
                .map(file -> file.fileName() + " " + file.contentType() + " " + file.size()).toList();
    }
}

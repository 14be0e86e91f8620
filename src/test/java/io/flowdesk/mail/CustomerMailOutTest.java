package io.flowdesk.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.flowdesk.outbox.OutboxDispatcher;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27, item 3: a desk with SMTP mails its customers: the acknowledgement with the ticket number when a ticket
 * opens and every public reply, threaded, sent after the ticket's transaction through the outbox; while the SMTP
 * server is away the mails wait (the ticket is not held up) and go once it is back, in order; an internal note is
 * never mailed. A context of its own: the shared one has no SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CustomerMailOutTest {

    /** A port of its own, the same across a stop and start (the desk keeps sending to it). */
    private static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpOfTheDesk(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> PORT);
        properties.add("flowdesk.mail.outbound.from", () -> "Flowdesk 客服 <support@desk.example>");
    }

    @Autowired TestRestTemplate http;
    @Autowired OutboxDispatcher outbox;

    @Test
    void the_customer_gets_an_acknowledgement_and_the_public_reply_but_never_an_internal_note() throws Exception {
        String customer = "mailed." + System.nanoTime() + "@customer.example";
        String number = open(customer);
        comment(number, "internal", "先查积分日志");
        comment(number, "public", "您好，积分已补发，请查收。");

        outbox.dispatchDue();

        List<MimeMessage> mails = to(customer);
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactly(
                "[" + number + "] 我们已收到您的请求：会员积分没有到账", "Re: [" + number + "] 会员积分没有到账");
        assertThat((String) mails.get(1).getContent()).contains("积分已补发").doesNotContain("积分日志");
        assertThat(mails.get(0).getMessageID()).startsWith("<flowdesk." + number + ".");
    }

    @Test
    void while_smtp_is_away_the_ticket_goes_on_and_its_mails_go_in_order_once_it_is_back() throws Exception {
        String customer = "later." + System.nanoTime() + "@customer.example";
        smtp.stop();
        String number;
        try {
            number = open(customer);
            comment(number, "public", "第一次答复");
            assertThat(outbox.dispatchDue().failed()).as("the server is away").isPositive();
        } finally {
            smtp.start();
        }
        ResponseEntity<JsonNode> failed = http.withBasicAuth("admin", "admin").getForEntity(
                "/api/mail/outbound?status=failed", JsonNode.class);
        assertThat(failed.getBody().get("items").toString()).contains(customer);

        http.withBasicAuth("admin", "admin").postForEntity("/api/mail/outbound/retry", null, JsonNode.class);
        for (int round = 0; round < 5 && to(customer).size() < 2; round++) {
            outbox.dispatchDue(); // one mail of the customer's per round: the later waits for the earlier
        }

        assertThat(to(customer)).extracting(MimeMessage::getSubject).containsExactly(
                "[" + number + "] 我们已收到您的请求：会员积分没有到账", "Re: [" + number + "] 会员积分没有到账");
    }

    private String open(String customerEmail) {
        ResponseEntity<JsonNode> created = http.withBasicAuth("alice", "demo").postForEntity("/api/tickets",
                json("""
                        {"type":"inquiry","subject":"会员积分没有到账","customer":{"name":"李雷","email":"%s"}}"""
                        .formatted(customerEmail)), JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return created.getBody().get("number").asText();
    }

    private void comment(String number, String visibility, String body) {
        assertThat(http.withBasicAuth("alice", "demo").postForEntity("/api/tickets/" + number + "/comments",
                json("{\"visibility\":\"" + visibility + "\",\"body\":\"" + body + "\"}"), JsonNode.class)
                .getStatusCode().value()).isEqualTo(201);
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}

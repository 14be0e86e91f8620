package io.flowdesk.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.flowdesk.mail.CustomerMailComposer.About;
import io.flowdesk.mail.MailProperties.Mailbox;
import io.flowdesk.mail.MailProperties.Outbound;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Issue 27, item 3 (its mails): the mails to customers come from templates in the customer's language, carry the
 * ticket number and the desk's own Message-ID, answer the customer's mails (In-Reply-To, References) so their client
 * keeps one conversation, and a template in the configured folder replaces the shipped one without a restart. Sent
 * to a real SMTP server (GreenMail).
 */
class CustomerMailTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path templates;

    private final InboundMailRepository mails = mock(InboundMailRepository.class);

    @Test
    void an_acknowledgement_in_chinese_answers_the_customers_mail_and_names_the_ticket() throws Exception {
        when(mails.messageIdsOf("TK-000042")).thenReturn(List.of("<first@client.example>", "<second@client.example>"));
        CustomerMail mail = composer().compose(CustomerMailKind.ACKNOWLEDGEMENT, new About("TK-000042", "打印机无法连接",
                "办公室的打印机连不上", "王芳", "wang@customer.example", null, "https://desk.example/portal/t/TK-000042",
                null));

        sender().send(mail);

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("[TK-000042] 我们已收到您的请求：打印机无法连接");
        assertThat(received.getMessageID()).startsWith("<flowdesk.TK-000042.").endsWith("@desk.example>");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<second@client.example>");
        assertThat(received.getHeader("References", null)).isEqualTo("<first@client.example> <second@client.example>");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(received.getFrom()[0].toString()).contains("support@desk.example");
        String body = ((String) received.getContent()).replace("\r\n", "\n");
        assertThat(body).contains("王芳，您好", "工单号为 TK-000042", "https://desk.example/portal/t/TK-000042",
                "客服中心");
    }

    @Test
    void a_reply_in_english_to_an_english_ticket_carries_the_agents_words() throws Exception {
        when(mails.messageIdsOf("TK-000043")).thenReturn(List.of());
        CustomerMail mail = composer().compose(CustomerMailKind.REPLY, new About("TK-000043", "Invoice address wrong",
                "Please fix it", "John", "john@customer.example", "We have corrected the address.\nBest regards",
                null, null));

        sender().send(mail);

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Re: [TK-000043] Invoice address wrong");
        assertThat(received.getHeader("In-Reply-To")).isNull();
        assertThat(received.getHeader("Auto-Submitted")).as("a person's reply").isNull();
        assertThat((String) received.getContent()).contains("Dear John", "We have corrected the address.")
                .doesNotContain("{{");
    }

    @Test
    void a_template_in_the_configured_folder_replaces_the_shipped_one_at_the_next_mail() throws Exception {
        when(mails.messageIdsOf("TK-000044")).thenReturn(List.of());
        About ticket = new About("TK-000044", "发票", "开票", "李雷", "li@customer.example", null, null,
                "https://desk.example/s/1");
        CustomerMailComposer composer = composer();
        assertThat(composer.compose(CustomerMailKind.RESOLVED, ticket).body()).contains("请花一分钟为本次服务评分");

        Files.writeString(templates.resolve("resolved.zh.txt"), "Subject: [{{number}}] 已解决\n\n{{customerName}}：搞定了。"
                + "{{#surveyLink}} 评分：{{surveyLink}}{{/surveyLink}}\n", StandardCharsets.UTF_8);
        CustomerMail mail = composer.compose(CustomerMailKind.RESOLVED, ticket);

        assertThat(mail.subject()).isEqualTo("[TK-000044] 已解决");
        assertThat(mail.body()).isEqualTo("李雷：搞定了。 评分：https://desk.example/s/1\n");
    }

    @Test
    void the_customers_reply_to_a_desk_mail_finds_the_ticket_by_its_message_id() throws Exception {
        String ours = composer().compose(CustomerMailKind.REPLY, new About("TK-000045", "退货", "退货", "赵",
                "zhao@customer.example", "请寄回", null, null)).messageId();
        String reply = "Message-ID: <zr@client.example>\r\nFrom: zhao@customer.example\r\nIn-Reply-To: " + ours
                + "\r\nSubject: Re: something else\r\n\r\nok\r\n";

        ParsedMail parsed = new MailParser().parse(reply.getBytes(StandardCharsets.US_ASCII));

        assertThat(parsed.replyTo()).containsExactly(ours);
        assertThat(ours).matches("<flowdesk\\.TK-000045\\.[0-9a-f-]{36}@desk\\.example>");
    }

    private CustomerMailComposer composer() {
        MailProperties properties = new MailProperties(List.<Mailbox>of(), null, null,
                new Outbound("Flowdesk 客服 <support@desk.example>", null, templates, null));
        return new CustomerMailComposer(new MailTemplates(properties), mails, properties);
    }

    private CustomerMailSender sender() {
        JavaMailSenderImpl smtpClient = new JavaMailSenderImpl();
        smtpClient.setHost("127.0.0.1");
        smtpClient.setPort(smtp.getSmtp().getPort());
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("mailSender", smtpClient);
        return new CustomerMailSender(beans.getBeanProvider(JavaMailSender.class));
    }
}

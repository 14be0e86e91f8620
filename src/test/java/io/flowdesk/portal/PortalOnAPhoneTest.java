package io.flowdesk.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer on a phone whose language is Chinese (390 x 844 CSS pixels, as many phones are) submits a request in
 * the portal, follows it by its number and e-mail address, answers it and, once an agent resolved it, rates it;
 * what they typed, script tags and all, shows as they typed it and never runs. Screenshots of each step go to
 * {@code target/portal-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EnabledIf("io.flowdesk.security.TasklistInChromium#installedOrRequired")
class PortalOnAPhoneTest {

    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    /** Each would set window.pwned if it ran. */
    private static final String SCRIPT = "<script>window.pwned=1</script>";
    private static final String IMAGE = "<img src=x onerror=\"window.pwned=2\">";

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;

    @Test
    void a_customer_submits_follows_answers_and_rates_a_request_in_chinese_on_a_phone(@TempDir Path files)
            throws IOException {
        String email = "phone-" + System.nanoTime() + "@example.com";
        Path receipt = Files.writeString(files.resolve("积分截图.txt"), "积分：0", StandardCharsets.UTF_8);
        Path more = Files.writeString(files.resolve("订单.txt"), "SO-7002", StandardCharsets.UTF_8);
        try (PortalInChromium phone = new PortalInChromium(port, SCREENSHOTS, "zh-CN", 390, 844)) {
            phone.open("/portal/");
            assertThat(phone.textOf("#submit-title")).isEqualTo("提交新的服务请求");
            phone.choose("#type", "咨询");
            phone.type("#field-orderNumber", "SO-7002");
            phone.type("#subject", SCRIPT + "会员积分没有到账");
            phone.type("#description", "上周的订单积分还没有到账。" + IMAGE);
            phone.type("#name", SCRIPT + "李雷");
            phone.type("#email", email);
            phone.type("#phone", "138 0000 0000");
            phone.attach("#files", receipt);
            assertThat(phone.textOf("#files-chosen")).startsWith("积分截图.txt");
            assertFitsTheScreen(phone, 390);
            phone.screenshot("01-submit-form-zh");
            phone.tap("#submit-button");

            String welcome = phone.textOf("#welcome");
            String number = phone.textOf("#number");
            assertThat(welcome).startsWith("提交成功！您的工单号是 " + number);
            assertThat(phone.textOf("#subject")).isEqualTo(SCRIPT + "会员积分没有到账");
            assertThat(phone.textOf("#description")).isEqualTo("上周的订单积分还没有到账。" + IMAGE);
            assertThat(phone.textOf("#status")).isEqualTo("已提交，等待受理");
            assertThat(phone.waitForText("积分截图.txt")).contains(SCRIPT + "李雷", "订单号", "SO-7002");
            assertNothingRan(phone);
            phone.screenshot("02-submitted-zh");

            phone.open("/portal/#follow");
            phone.type("#number", number.toLowerCase());
            phone.type("#follow-email", email);
            phone.screenshot("03-follow-by-number-and-email-zh");
            phone.tap("#follow-button");
            assertThat(phone.textOf("#number")).isEqualTo(number);
            assertThat(phone.url()).contains("/portal/t/" + number + "?k=");
            assertThat((Boolean) phone.script("return document.getElementById('welcome').hidden")).isTrue();

            phone.type("#message", SCRIPT + "订单号是 SO-7002，补充截图。");
            phone.attach("#answer-files", more);
            phone.tap("#answer-button");
            assertThat(phone.textOf("#answer-sent")).isEqualTo("已发送，我们会尽快处理。");
            assertThat(phone.textOf("#timeline .entry-message .text")).isEqualTo(SCRIPT + "订单号是 SO-7002，补充截图。");
            assertThat(phone.waitForText("订单.txt")).contains("您的留言");
            assertNothingRan(phone);
            phone.screenshot("04-answered-zh");

            new DeskAgents(http).resolve(number);
            phone.reload();
            assertThat(phone.textOf("#status")).isEqualTo("已解决");
            String resolved = phone.waitForText(DeskAgents.PUBLIC_REPLY);
            assertThat(resolved).contains("客服回复", "状态：已解决", "状态：处理中", "您对本次服务满意吗？")
                    .doesNotContain("INTERNAL-ONLY", "alice", "bob", "support");
            phone.screenshot("05-resolved-survey-zh");

            phone.tap("#stars [data-score='4']");
            assertThat(phone.textOf("#star-label")).isEqualTo("满意");
            phone.type("#comment", SCRIPT + "处理很快，谢谢！");
            phone.tap("#survey-button");
            assertThat(phone.textOf("#survey-given .success-text")).isEqualTo("感谢您的评价！");
            assertThat(phone.textOf("#survey-given .text")).isEqualTo(SCRIPT + "处理很快，谢谢！");
            assertThat(phone.textOf("#timeline .entry-rating strong")).isEqualTo("您的评价：4 星");
            assertNothingRan(phone);
            assertFitsTheScreen(phone, 390);
            phone.screenshot("06-rated-zh");

            phone.tap("#switch-language");
            assertThat(phone.textOf("#status")).isEqualTo("Resolved");
            assertThat(phone.textOf("#survey-given .success-text")).isEqualTo("Thank you for your rating!");
            phone.screenshot("07-rated-en");

            phone.resize(360, 740);
            assertFitsTheScreen(phone, 360);
            phone.screenshot("08-rated-en-360px");
            phone.open("/portal/");
            assertThat(phone.textOf("#submit-title")).as("the switch is remembered").isEqualTo("Submit a new request");
            phone.resize(360, 740);
            phone.choose("#type", "Return and refund");
            assertThat(phone.textOf("label[for='field-returnReason']")).isEqualTo("Return reason");
            assertFitsTheScreen(phone, 360);
            phone.screenshot("09-submit-form-en-360px");
        }
    }

    /** None of the script tags, image handlers and markup a customer typed ran or became an element. */
    private static void assertNothingRan(PortalInChromium phone) {
        assertThat(phone.script("return window.pwned === undefined")).isEqualTo(true);
        assertThat(phone.script("return document.querySelectorAll('main script, main img, #name b').length"))
                .isEqualTo(0L);
    }

    /** Nothing sticks out sideways: the page is no wider than the phone's screen, {@code width} CSS pixels. */
    private static void assertFitsTheScreen(PortalInChromium phone, long width) {
        assertThat(phone.script("return window.innerWidth")).isEqualTo(width);
        assertThat(phone.script("return document.documentElement.scrollWidth")).isEqualTo(width);
    }
}

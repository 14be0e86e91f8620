package io.flowdesk.extraction;

import io.flowdesk.tickettype.InvalidTicketFieldsException;
import io.flowdesk.tickettype.TicketField;
import io.flowdesk.tickettype.TicketType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 27, item 4: the patterns shipped in application.yml recognise order numbers, phone numbers and e-mail
 * addresses in what customers write; a given field is never replaced; a recognised value the type would refuse is
 * left out, a given one is still refused.
 */
class FieldExtractionTest {

    private final FieldExtraction shipped = new FieldExtraction(shippedPatterns());

    @Test
    void order_numbers_phone_numbers_and_addresses_are_recognised_in_chinese_and_english() {
        assertThat(shipped.withRecognised(Map.of(), "退货申请", "订单号：SO-20261206，请打 138 0013 8000 以外的"
                + "电话 13900139000 或写信到 li.lei@example.com")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "orderNumber", "SO-20261206", "phoneNumber", "13900139000", "emailAddress", "li.lei@example.com"));
        assertThat(shipped.withRecognised(null, "Order #A12345 arrived broken", "Call me at +86 13800138000"))
                .containsEntry("orderNumber", "A12345").containsEntry("phoneNumber", "+86 13800138000");
        assertThat(shipped.withRecognised(null, "订单 20261206001 没收到", "座机 010-62345678"))
                .containsEntry("orderNumber", "20261206001").containsEntry("phoneNumber", "010-62345678");
        assertThat(shipped.withRecognised(null, "会员积分没有到账", "请问积分多久过期？")).isEmpty();
    }

    @Test
    void a_given_field_is_never_replaced() {
        assertThat(shipped.withRecognised(Map.of("orderNumber", "SO-1"), "订单号 SO-2 有问题", null))
                .containsExactlyEntriesOf(Map.of("orderNumber", "SO-1"));
    }

    @Test
    void a_recognised_value_the_type_refuses_is_left_out_and_a_given_one_is_still_refused() {
        TicketType type = new TicketType("return-refund", "退货退款", null, 1, "support", List.of(
                TicketField.declared("orderNumber", "number; label=订单号"),
                TicketField.declared("returnReason", "choice:damaged,wrong_item")), "def");

        assertThat(shipped.fieldsOf(type, Map.of("returnReason", "damaged"), "订单号 SO-3003 坏了", null))
                .as("SO-3003 is no number: left out").containsExactlyEntriesOf(Map.of("returnReason", "damaged"));
        assertThat(shipped.fieldsOf(type, null, "订单号 3003 坏了", null)).containsEntry("orderNumber", "3003");
        assertThatThrownBy(() -> shipped.fieldsOf(type, Map.of("returnReason", "broken"), "订单号 SO-3003", null))
                .isInstanceOf(InvalidTicketFieldsException.class);
    }

    private static ExtractionProperties shippedPatterns() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("flowdesk.extraction", ExtractionProperties.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

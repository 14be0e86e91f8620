package io.flowdesk.portal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BilingualTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            订单号 Order number          | 订单号     | Order number
            退货退款 Return and refund    | 退货退款   | Return and refund
            客户确认 Customer confirmation | 客户确认   | Customer confirmation
            与描述不符 Not as described   | 与描述不符 | Not as described
            咨询工单                      | 咨询工单   | 咨询工单
            orderNumber                  | orderNumber | orderNumber
            Order number 订单号           | Order number 订单号 | Order number 订单号
            """)
    void a_label_reads_chinese_first_then_english(String label, String zh, String en) {
        assertThat(Bilingual.of(label)).isEqualTo(new Bilingual(zh, en));
    }
}

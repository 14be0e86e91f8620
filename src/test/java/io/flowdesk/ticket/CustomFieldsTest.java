package io.flowdesk.ticket;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomFieldsTest {

    @Test
    void fieldsComeBackInTheOrderTheyCameWithTheirTextAsTyped() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("productModel", "打印机 \"P-200\" 😀");
        fields.put("orderNumber", "SO-1001");
        fields.put("note", null);

        Map<String, String> back = CustomFields.read(CustomFields.write(fields));

        assertThat(back).containsExactlyEntriesOf(fields);
    }

    @Test
    void noFieldsAreNoColumnValue_andNoColumnValueIsNoFields() {
        assertThat(CustomFields.write(Map.of())).isNull();
        assertThat(CustomFields.read(null)).isEmpty();
    }

    @Test
    void theFieldsReadCannotBeChangedBehindTheTicketsBack() {
        Map<String, String> back = CustomFields.read("{\"orderNumber\":\"SO-1\"}");

        assertThatThrownBy(() -> back.put("orderNumber", "SO-2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aColumnThatIsNotAnObjectOfTextsIsReportedWithItsValue() {
        assertThatThrownBy(() -> CustomFields.read("[1,2]")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[1,2]");
    }
}

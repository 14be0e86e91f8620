package io.flowdesk.tickettype;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 26, item 3: how a ticket type declares a custom field, and what a value must be to fit it. */
class TicketFieldTest {

    @Test
    void a_declaration_reads_type_required_and_label() {
        TicketField reason = TicketField.declared("returnReason",
                "choice:damaged, wrong_item ,not_as_described; required; label=退货原因 Return reason");

        assertThat(reason).isEqualTo(new TicketField("returnReason", "退货原因 Return reason", "choice", true,
                List.of("damaged", "wrong_item", "not_as_described")));
        assertThat(TicketField.declared("orderNumber", "")).isEqualTo(
                new TicketField("orderNumber", "orderNumber", "text", false, List.of()));
        assertThat(TicketField.declared("amount", "number; label=金额").type()).isEqualTo("number");
    }

    @Test
    void a_declaration_that_does_not_parse_says_what_is_wrong() {
        assertThatThrownBy(() -> TicketField.declared("amount", "money; required"))
                .hasMessageContaining("'money' is neither a type");
        assertThatThrownBy(() -> TicketField.declared("reason", "choice:"))
                .hasMessageContaining("choice needs its values");
        assertThatThrownBy(() -> TicketField.declared("order-number", "text"))
                .hasMessageContaining("must start with a letter");
        assertThatThrownBy(() -> TicketField.declared("amount", "required; number"))
                .as("the type comes first").hasMessageContaining("'number' is neither");
    }

    @Test
    void values_are_checked_by_type_and_a_required_one_must_be_there() {
        TicketField amount = TicketField.declared("amount", "number; required");
        TicketField date = TicketField.declared("purchasedOn", "date");
        TicketField choice = TicketField.declared("reason", "choice:damaged,wrong_item");
        TicketField flag = TicketField.declared("opened", "boolean");

        assertThat(amount.problem("1,299.50")).isNull();
        assertThat(amount.problem("about 100")).isEqualTo("must be a number");
        assertThat(amount.problem(" ")).startsWith("is required");
        assertThat(date.problem("2026-12-31")).isNull();
        assertThat(date.problem("31/12/2026")).contains("2026-12-31");
        assertThat(date.problem(null)).isNull();
        assertThat(choice.problem("damaged")).isNull();
        assertThat(choice.problem("broken")).isEqualTo("must be one of damaged, wrong_item");
        assertThat(flag.problem("TRUE")).isNull();
        assertThat(flag.problem("yes")).isEqualTo("must be true or false");
    }

    @Test
    void a_type_names_every_field_that_does_not_fit_and_lets_undeclared_ones_pass() {
        TicketType returns = new TicketType("returnRefund", "退货退款", null, 1, "support", List.of(
                TicketField.declared("orderNumber", "text; required"),
                TicketField.declared("reason", "choice:damaged,wrong_item; required")), "returnRefund:1:x");

        assertThatThrownBy(() -> returns.check(Map.of("reason", "broken", "note", "anything")))
                .isInstanceOfSatisfying(InvalidTicketFieldsException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys("orderNumber", "reason"));
        returns.check(Map.of("orderNumber", "SO-1", "reason", "damaged", "note", "anything"));
    }
}

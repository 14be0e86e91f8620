package io.flowdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flowdesk.common.DecisionTableUnderTest;
import io.flowdesk.common.FeelParseCache;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Row-by-row tests of {@code processes/compensation-approval.dmn} (补偿审批), which the complaint flow's business rule
 * task decideApprover evaluates: who approves a proposed resolution, the department's supervisors or a manager.
 * Evaluated by a standalone DMN engine configured like the Camunda 7.24 process engine's (FEEL Scala, no legacy
 * behaviour); each result names the row that fired, so a reordered table fails loudly.
 */
class CompensationApprovalDecisionTest {

    private static final Path MODEL = Path.of("processes/compensation-approval.dmn");

    private static DecisionTableUnderTest compensationApproval;

    /** What the table decided, and which row decided it. */
    record Approval(String rule, String approver) {}

    @BeforeAll
    static void parseTheTable() {
        compensationApproval = DecisionTableUnderTest.parse(MODEL, "compensationApproval");
    }

    // ---- rule 1: VIP over 1,000 → managers ---------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"1000.01", "1001", "5000"})
    void a_vip_compensation_above_1000_needs_a_manager(double amount) {
        assertThat(approval(amount, "vip")).isEqualTo(new Approval("rule_vip_over_1000", "managers"));
    }

    // ---- rule 2: VIP up to 1,000 → supervisors -----------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"0", "1", "500", "500.01", "800", "1000"})
    void a_vip_compensation_up_to_1000_stays_with_the_supervisors(double amount) {
        assertThat(approval(amount, "vip")).isEqualTo(new Approval("rule_vip_up_to_1000", "supervisors"));
    }

    @Test
    void a_vip_complaint_without_an_amount_stays_with_the_supervisors() {
        assertThat(approval(null, "vip")).isEqualTo(new Approval("rule_vip_up_to_1000", "supervisors"));
    }

    // ---- rule 3: anyone else over 500 → managers ---------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"500.01, standard", "501, standard", "800, standard", "1000.01, standard", "600, gold"})
    void any_other_compensation_above_500_needs_a_manager(double amount, String tier) {
        assertThat(approval(amount, tier)).isEqualTo(new Approval("rule_over_500", "managers"));
    }

    @Test
    void an_unknown_tier_above_500_needs_a_manager() {
        assertThat(approval(600.0, null)).isEqualTo(new Approval("rule_over_500", "managers"));
    }

    // ---- rule 4: everything else → supervisors -----------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"0", "0.5", "200", "499.99", "500"})
    void a_compensation_up_to_500_stays_with_the_supervisors(double amount) {
        assertThat(approval(amount, "standard")).isEqualTo(new Approval("rule_default", "supervisors"));
    }

    @Test
    void a_complaint_without_an_amount_stays_with_the_supervisors() {
        assertThat(approval(null, "standard")).isEqualTo(new Approval("rule_default", "supervisors"));
    }

    @Test
    void missing_variables_fall_to_the_catch_all_instead_of_failing() {
        assertThat(compensationApproval.evaluate(new HashMap<>()).getSingleResult().getEntryMap())
                .containsExactly(Map.entry("approver", "supervisors"));
        assertThat(compensationApproval.firedRules()).containsExactly("rule_default");
    }

    @Test
    void a_whole_number_amount_as_the_api_sends_it_is_compared_like_a_decimal() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("compensationAmount", 501L);
        variables.put("customerTier", "standard");
        assertThat(compensationApproval.evaluate(variables).getSingleResult().<String>getSingleEntry())
                .isEqualTo("managers");
        variables.put("compensationAmount", 500);
        assertThat(compensationApproval.evaluate(variables).getSingleResult().<String>getSingleEntry())
                .isEqualTo("supervisors");
    }

    // ---- the model itself --------------------------------------------------------------------------------------

    @Test
    void the_table_is_evaluated_by_the_feel_scala_engine_like_in_the_process_engine() {
        assertThat(compensationApproval.configuration().isEnableFeelLegacyBehavior()).isFalse();
        assertThat(compensationApproval.configuration().getFeelEngine())
                .isInstanceOf(FeelParseCache.CachingScalaFeelEngine.class);
    }

    @Test
    void the_table_is_first_hit_with_the_documented_inputs_and_outputs_and_every_row_is_annotated() {
        compensationApproval.assertIsDocumentedFirstHitTable("补偿审批 Compensation approval",
                List.of("compensationAmount", "customerTier"), List.of("approver"),
                List.of("rule_vip_over_1000", "rule_vip_up_to_1000", "rule_over_500", "rule_default"));
        assertThat(compensationApproval.table().getInputs()).extracting(input -> input.getInputExpression().getTypeRef())
                .containsExactly("double", "string");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static Approval approval(Double amount, String tier) {
        Map<String, Object> variables = new HashMap<>(); // null values kept: the process passes them
        variables.put("compensationAmount", amount);
        variables.put("customerTier", tier);
        DmnDecisionResult result = compensationApproval.evaluate(variables);
        assertThat(result).as("FIRST hit policy with a catch-all row: exactly one result").hasSize(1);
        List<String> fired = compensationApproval.firedRules();
        assertThat(fired).as("rows that fired").hasSize(1);
        return new Approval(fired.get(0), result.getSingleResult().getSingleEntry());
    }
}

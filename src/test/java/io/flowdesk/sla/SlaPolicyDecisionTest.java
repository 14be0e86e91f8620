package io.flowdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.flowdesk.common.DecisionTableUnderTest;
import io.flowdesk.common.FeelParseCache;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.model.dmn.instance.Output;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-by-row tests of {@code processes/sla-policy.dmn} (SLA 策略), evaluated by a standalone DMN engine configured
 * like the Camunda 7.24 process engine's (FEEL Scala, no legacy behaviour). Each result names the row that fired.
 */
class SlaPolicyDecisionTest {

    private static final Path MODEL = Path.of("processes/sla-policy.dmn");
    private static final List<String> OUTPUTS =
            List.of("firstResponseMinutes", "resolutionMinutes", "warningPercent", "secondLevelPercent", "calendar");

    private static DecisionTableUnderTest slaPolicy;

    /** What the table decided, and which row decided it. */
    record Sla(String rule, Integer firstResponseMinutes, Integer resolutionMinutes, Integer warningPercent,
            Integer secondLevelPercent, String calendar) {}

    @BeforeAll
    static void parseTheTable() {
        slaPolicy = DecisionTableUnderTest.parse(MODEL, "slaPolicy");
    }

    // ---- row 0: training demo ----------------------------------------------------------------------------------

    @Test
    void the_sla_demo_category_gets_tiny_round_the_clock_targets_for_live_training() {
        assertThat(sla("normal", "standard", "inquiry", "sla-demo"))
                .isEqualTo(new Sla("sla_demo", 1, 3, 75, 150, "24x7"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"urgent", "high", "normal", "low"})
    void the_demo_row_wins_over_every_priority_and_tier(String priority) {
        assertThat(sla(priority, "vip", "inquiry", "sla-demo")).isEqualTo(new Sla("sla_demo", 1, 3, 75, 150, "24x7"));
        assertThat(sla(priority, "standard", "complaint", "sla-demo"))
                .isEqualTo(new Sla("sla_demo", 1, 3, 75, 150, "24x7"));
    }

    @Test
    void the_demo_row_also_applies_when_priority_and_tier_are_missing() {
        assertThat(sla(null, null, null, "sla-demo")).isEqualTo(new Sla("sla_demo", 1, 3, 75, 150, "24x7"));
    }

    // ---- rows 1 to 7: priority × tier --------------------------------------------------------------------------

    @Test
    void an_urgent_vip_ticket_gets_15_minutes_to_respond_and_4_hours_to_resolve() {
        assertThat(sla("urgent", "vip")).isEqualTo(new Sla("sla_urgent_vip", 15, 240, 75, 150, "business"));
    }

    @Test
    void an_urgent_ticket_gets_30_minutes_to_respond_and_8_hours_to_resolve() {
        assertThat(sla("urgent", "standard")).isEqualTo(new Sla("sla_urgent", 30, 480, 75, 150, "business"));
    }

    @Test
    void a_high_vip_ticket_gets_30_minutes_to_respond_and_8_hours_to_resolve() {
        assertThat(sla("high", "vip")).isEqualTo(new Sla("sla_high_vip", 30, 480, 75, 150, "business"));
    }

    @Test
    void a_high_ticket_gets_1_hour_to_respond_and_16_hours_to_resolve() {
        assertThat(sla("high", "standard")).isEqualTo(new Sla("sla_high", 60, 960, 75, 150, "business"));
    }

    @Test
    void a_normal_vip_ticket_gets_1_hour_to_respond_and_16_hours_to_resolve() {
        assertThat(sla("normal", "vip")).isEqualTo(new Sla("sla_normal_vip", 60, 960, 75, 150, "business"));
    }

    @Test
    void a_normal_ticket_gets_4_hours_to_respond_and_24_hours_to_resolve() {
        assertThat(sla("normal", "standard")).isEqualTo(new Sla("sla_normal", 240, 1440, 75, 150, "business"));
    }

    @Test
    void a_low_ticket_gets_8_hours_to_respond_and_40_hours_to_resolve() {
        assertThat(sla("low", "standard")).isEqualTo(new Sla("sla_low", 480, 2400, 75, 150, "business"));
    }

    @Test
    void a_low_vip_ticket_gets_the_plain_low_targets() {
        assertThat(sla("low", "vip")).isEqualTo(new Sla("sla_low", 480, 2400, 75, 150, "business"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"urgent", "high", "normal", "low"})
    void a_tier_other_than_vip_gets_the_plain_targets_of_its_priority(String priority) {
        assertThat(sla(priority, "gold")).isEqualTo(sla(priority, "standard"));
        assertThat(sla(priority, null)).isEqualTo(sla(priority, "standard"));
    }

    // ---- row 8: catch-all ----------------------------------------------------------------------------------------

    @Test
    void a_missing_priority_gets_the_normal_targets_from_the_catch_all() {
        assertThat(sla(null, "standard")).isEqualTo(new Sla("sla_default", 240, 1440, 75, 150, "business"));
    }

    @Test
    void an_unknown_priority_gets_the_normal_targets_from_the_catch_all_even_for_a_vip() {
        assertThat(sla("critical", "vip")).isEqualTo(new Sla("sla_default", 240, 1440, 75, 150, "business"));
    }

    @Test
    void missing_variables_fall_to_the_catch_all_instead_of_failing() {
        assertThat(sla(new HashMap<>())).isEqualTo(new Sla("sla_default", 240, 1440, 75, 150, "business"));
    }

    // ---- properties across the whole table -------------------------------------------------------------------

    @Test
    void an_urgent_vip_ticket_is_faster_than_a_plain_urgent_one() {
        Sla vip = sla("urgent", "vip");
        Sla plain = sla("urgent", "standard");

        assertThat(vip.firstResponseMinutes()).isLessThan(plain.firstResponseMinutes());
        assertThat(vip.resolutionMinutes()).isLessThan(plain.resolutionMinutes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"urgent", "high", "normal"})
    void a_vip_is_strictly_faster_than_a_standard_customer_at_the_same_priority(String priority) {
        Sla vip = sla(priority, "vip");
        Sla plain = sla(priority, "standard");

        assertThat(vip.firstResponseMinutes()).isLessThan(plain.firstResponseMinutes());
        assertThat(vip.resolutionMinutes()).isLessThan(plain.resolutionMinutes());
    }

    @Test
    void a_higher_priority_is_never_slower_than_a_lower_one() {
        for (String tier : List.of("vip", "standard")) {
            List<Sla> byPriority = Stream.of("urgent", "high", "normal", "low").map(p -> sla(p, tier)).toList();
            for (int i = 1; i < byPriority.size(); i++) {
                assertThat(byPriority.get(i - 1).firstResponseMinutes()).as(tier)
                        .isLessThan(byPriority.get(i).firstResponseMinutes());
                assertThat(byPriority.get(i - 1).resolutionMinutes()).as(tier)
                        .isLessThan(byPriority.get(i).resolutionMinutes());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inquiry", "complaint", "return", "repair"})
    void the_ticket_type_does_not_change_the_targets_yet(String ticketType) {
        for (String priority : List.of("urgent", "high", "normal", "low")) {
            for (String tier : List.of("vip", "standard")) {
                assertThat(sla(priority, tier, ticketType, "general"))
                        .isEqualTo(sla(priority, tier, "inquiry", "general"));
            }
        }
    }

    static Stream<Arguments> everyCombination() {
        List<String> priorities = Arrays.asList("urgent", "high", "normal", "low", "critical", null);
        List<String> tiers = Arrays.asList("vip", "standard", null);
        List<String> types = Arrays.asList("inquiry", "complaint", null);
        List<String> categories = Arrays.asList("general", "hardware", "sla-demo", null);
        List<Arguments> all = new ArrayList<>();
        for (String p : priorities) for (String t : tiers) for (String y : types) for (String c : categories) {
            all.add(Arguments.of(p, t, y, c));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "priority={0} tier={1} type={2} category={3}")
    @MethodSource("everyCombination")
    void every_ticket_gets_all_five_outputs_and_they_are_sensible(String priority, String tier, String type,
            String category) {
        DmnDecisionResult result = evaluate(vars(priority, tier, type, category));

        assertThat(result).hasSize(1);
        DmnDecisionResultEntries entries = result.getSingleResult();
        assertThat(entries.getEntryMap()).containsOnlyKeys(OUTPUTS).doesNotContainValue(null);
        assertThat(List.of(entries.get("firstResponseMinutes"), entries.get("resolutionMinutes"),
                entries.get("warningPercent"), entries.get("secondLevelPercent")))
                .allSatisfy(value -> assertThat(value).isInstanceOf(Integer.class)
                        .matches(v -> (Integer) v > 0, "positive"));

        Sla sla = toSla(entries);
        assertThat(sla.resolutionMinutes()).isGreaterThan(sla.firstResponseMinutes());
        assertThat(sla.warningPercent()).isBetween(1, 99);
        assertThat(sla.secondLevelPercent()).isGreaterThan(100);
        assertThat(sla.calendar()).isIn("business", "24x7");
    }

    // ---- the model itself --------------------------------------------------------------------------------------

    @Test
    void the_table_is_evaluated_by_the_feel_scala_engine_like_in_the_process_engine() {
        assertThat(slaPolicy.configuration().isEnableFeelLegacyBehavior()).isFalse();
        assertThat(slaPolicy.configuration().getFeelEngine())
                .isInstanceOf(FeelParseCache.CachingScalaFeelEngine.class);
    }

    @Test
    void the_table_is_first_hit_with_the_documented_inputs_and_outputs_and_every_row_is_annotated() {
        slaPolicy.assertIsDocumentedFirstHitTable("SLA 策略 SLA policy",
                List.of("priority", "customerTier", "ticketType", "category"),
                OUTPUTS,
                List.of("sla_demo", "sla_urgent_vip", "sla_urgent", "sla_high_vip", "sla_high", "sla_normal_vip",
                        "sla_normal", "sla_low", "sla_default"));
        assertThat(slaPolicy.table().getOutputs()).extracting(Output::getTypeRef)
                .containsExactly("integer", "integer", "integer", "integer", "string");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static Map<String, Object> vars(String priority, String customerTier, String ticketType, String category) {
        Map<String, Object> vars = new HashMap<>(); // keeps null values, as a caller may pass them
        vars.put("priority", priority);
        vars.put("customerTier", customerTier);
        vars.put("ticketType", ticketType);
        vars.put("category", category);
        return vars;
    }

    private static DmnDecisionResult evaluate(Map<String, Object> vars) {
        return slaPolicy.evaluate(vars);
    }

    private static Sla sla(String priority, String customerTier) {
        return sla(priority, customerTier, "inquiry", "general");
    }

    private static Sla sla(String priority, String customerTier, String ticketType, String category) {
        return sla(vars(priority, customerTier, ticketType, category));
    }

    private static Sla sla(Map<String, Object> vars) {
        DmnDecisionResult result = evaluate(vars);
        assertThat(result).as("FIRST hit policy with a catch-all row: exactly one result").hasSize(1);
        return toSla(result.getSingleResult());
    }

    private static Sla toSla(DmnDecisionResultEntries entries) {
        List<String> firedRules = slaPolicy.firedRules();
        assertThat(firedRules).as("rows that fired").hasSize(1);
        return new Sla(firedRules.get(0), entries.getEntry("firstResponseMinutes"),
                entries.getEntry("resolutionMinutes"), entries.getEntry("warningPercent"),
                entries.getEntry("secondLevelPercent"), entries.getEntry("calendar"));
    }
}

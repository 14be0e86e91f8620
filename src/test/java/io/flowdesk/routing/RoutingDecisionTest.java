package io.flowdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.flowdesk.common.DecisionTableUnderTest;
import io.flowdesk.common.FeelParseCache;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-by-row tests of {@code processes/routing.dmn} (工单路由), evaluated by a standalone DMN engine configured
 * like the Camunda 7.24 process engine's: FEEL Scala engine for every expression (no legacy JUEL/FEEL), blank
 * outputs left out of the result. Each result also names the row that fired, so a reordered table fails loudly.
 */
class RoutingDecisionTest {

    private static final Path MODEL = Path.of("processes/routing.dmn");

    private static DecisionTableUnderTest routing;

    /** What the table decided: the row that fired (its rule id), the group and the required skill. */
    record Route(String rule, String group, String requiredSkill) {}

    @BeforeAll
    static void parseTheTable() {
        routing = DecisionTableUnderTest.parse(MODEL, "routing");
    }

    // ---- rule 1: invoice → finance / invoice -------------------------------------------------------------------

    @Test
    void an_invoice_question_goes_to_finance_with_the_invoice_skill() {
        assertThat(route(ticket().text("where is the invoice for order so-1001?")))
                .isEqualTo(new Route("rule_invoice", "finance", "invoice"));
    }

    @Test
    void a_chinese_fapiao_question_goes_to_finance_with_the_invoice_skill() {
        assertThat(route(ticket().text("请问发票什么时候寄出")))
                .isEqualTo(new Route("rule_invoice", "finance", "invoice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"发票", "invoice", "开票", "报销"})
    void every_invoice_keyword_routes_to_finance_invoice(String keyword) {
        assertThat(route(ticket().text("关于 " + keyword + " 的问题")))
                .isEqualTo(new Route("rule_invoice", "finance", "invoice"));
    }

    // ---- rule 2: refund / billing → finance / billing ----------------------------------------------------------

    @Test
    void a_refund_request_goes_to_finance_with_the_billing_skill() {
        assertThat(route(ticket().text("please refund my last order")))
                .isEqualTo(new Route("rule_billing", "finance", "billing"));
    }

    @Test
    void a_chinese_double_charge_question_goes_to_finance_with_the_billing_skill() {
        assertThat(route(ticket().text("银行卡被重复扣款了")))
                .isEqualTo(new Route("rule_billing", "finance", "billing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"退款", "refund", "账单", "billing", "扣款"})
    void every_billing_keyword_routes_to_finance_billing(String keyword) {
        assertThat(route(ticket().text("关于 " + keyword + " 的问题")))
                .isEqualTo(new Route("rule_billing", "finance", "billing"));
    }

    // ---- rule 3: complaint → support / senior ------------------------------------------------------------------

    @Test
    void a_complaint_goes_to_a_senior_support_agent() {
        assertThat(route(ticket().text("i want to file a complaint about your agent")))
                .isEqualTo(new Route("rule_complaint", "support", "senior"));
    }

    @Test
    void a_chinese_complaint_goes_to_a_senior_support_agent() {
        assertThat(route(ticket().text("我要投诉 送货太慢")))
                .isEqualTo(new Route("rule_complaint", "support", "senior"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"投诉", "complaint", "差评"})
    void every_complaint_keyword_routes_to_senior_support(String keyword) {
        assertThat(route(ticket().text("关于 " + keyword + " 的问题")))
                .isEqualTo(new Route("rule_complaint", "support", "senior"));
    }

    // ---- rule 4: technical category or fault wording → tech / troubleshooting ----------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"hardware", "technical"})
    void a_hardware_or_technical_category_goes_to_tech_troubleshooting(String category) {
        assertThat(route(ticket().category(category).text("打印机 p-200 怎么设置")))
                .isEqualTo(new Route("rule_technical_category", "tech", "troubleshooting"));
    }

    @Test
    void an_error_report_in_any_category_goes_to_tech_troubleshooting() {
        assertThat(route(ticket().category("general").text("app shows an error after login")))
                .isEqualTo(new Route("rule_technical_keywords", "tech", "troubleshooting"));
    }

    @Test
    void a_chinese_cannot_connect_report_goes_to_tech_troubleshooting() {
        assertThat(route(ticket().category("general").text("打印机无法连接 wi-fi")))
                .isEqualTo(new Route("rule_technical_keywords", "tech", "troubleshooting"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"故障", "报错", "error", "bug", "无法连接", "crash"})
    void every_fault_keyword_routes_to_tech_troubleshooting(String keyword) {
        assertThat(route(ticket().text("关于 " + keyword + " 的问题")))
                .isEqualTo(new Route("rule_technical_keywords", "tech", "troubleshooting"));
    }

    @Test
    void the_readme_printer_ticket_goes_to_tech_troubleshooting() {
        assertThat(route(ticket().category("hardware").text("打印机无法连接 型号 p-200，连不上 wi-fi")))
                .isEqualTo(new Route("rule_technical_category", "tech", "troubleshooting"));
    }

    // ---- rule 5: overseas → support / english ------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"overseas", "海外"})
    void an_overseas_customer_goes_to_support_with_the_english_skill(String region) {
        assertThat(route(ticket().region(region).text("how do i change my delivery address?")))
                .isEqualTo(new Route("rule_overseas", "support", "english"));
    }

    @Test
    void a_domestic_region_is_not_overseas() {
        assertThat(route(ticket().region("华东"))).isEqualTo(new Route("rule_default", "support", null));
    }

    // ---- rule 6: vip → support / vip ---------------------------------------------------------------------------

    @Test
    void a_vip_customer_without_a_specific_need_goes_to_the_vip_desk() {
        assertThat(route(ticket().customerTier("vip").text("想咨询一下会员权益")))
                .isEqualTo(new Route("rule_vip", "support", "vip"));
    }

    // ---- rule 7: catch-all → support, no skill -----------------------------------------------------------------

    @Test
    void anything_else_goes_to_support_with_no_required_skill() {
        assertThat(route(ticket().text("营业时间是几点到几点？")))
                .isEqualTo(new Route("rule_default", "support", null));
    }

    @Test
    void the_catch_all_returns_requiredSkill_as_an_explicit_null_entry() {
        DmnDecisionResultEntries result = evaluate(ticket().text("hello")).getSingleResult();

        assertThat(result.getEntryMap())
                .containsEntry("group", "support")
                .containsEntry("requiredSkill", null)
                .hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inquiry", "warranty", "return"})
    void ticket_type_priority_and_channel_do_not_change_the_route_by_themselves(String ticketType) {
        assertThat(route(ticket().ticketType(ticketType).priority("urgent").channel("phone").text("你好")))
                .isEqualTo(new Route("rule_default", "support", null));
    }

    @ParameterizedTest
    @CsvSource({"return-refund, rule_type_returnRefund", "refund-request, rule_type_refundRequest",
            "technical-fault, rule_type_technicalFault"})
    void the_shipped_types_whose_flows_hand_off_start_with_support_whatever_their_words(String type, String rule) {
        assertThat(route(ticket().ticketType(type).text("申请退款，发票开错了，打印机报错").customerTier("vip")))
                .isEqualTo(new Route(rule, "support", null));
    }

    @Test
    void a_complaint_ticket_goes_to_a_senior_support_agent_whatever_its_words() {
        assertThat(route(ticket().ticketType("complaint").text("退款太慢，我要投诉")))
                .isEqualTo(new Route("rule_type_complaint", "support", "senior"));
    }

    // ---- first hit wins where rows overlap ---------------------------------------------------------------------

    @Test
    void a_vip_asking_about_an_invoice_goes_to_finance_not_to_the_vip_desk() {
        assertThat(route(ticket().customerTier("vip").text("need an invoice for my subscription")))
                .isEqualTo(new Route("rule_invoice", "finance", "invoice"));
    }

    @Test
    void an_invoice_and_refund_question_uses_the_invoice_row_first() {
        assertThat(route(ticket().text("退款后发票怎么处理")))
                .isEqualTo(new Route("rule_invoice", "finance", "invoice"));
    }

    @Test
    void a_complaint_about_a_refund_goes_to_finance_billing_because_the_refund_row_comes_first() {
        assertThat(route(ticket().text("投诉：退款一直没到账")))
                .isEqualTo(new Route("rule_billing", "finance", "billing"));
    }

    @Test
    void a_complaint_about_a_crash_goes_to_senior_support_before_tech() {
        assertThat(route(ticket().category("technical").text("complaint: the app keeps crashing")))
                .isEqualTo(new Route("rule_complaint", "support", "senior"));
    }

    @Test
    void an_overseas_vip_with_a_hardware_fault_goes_to_tech() {
        assertThat(route(ticket().region("overseas").customerTier("vip").category("hardware").text("router is dead")))
                .isEqualTo(new Route("rule_technical_category", "tech", "troubleshooting"));
    }

    @Test
    void an_overseas_vip_gets_the_english_skill_before_the_vip_desk() {
        assertThat(route(ticket().region("海外").customerTier("vip").text("membership question")))
                .isEqualTo(new Route("rule_overseas", "support", "english"));
    }

    @Test
    void an_overseas_invoice_question_goes_to_finance() {
        assertThat(route(ticket().region("overseas").text("invoice with our vat number please")))
                .isEqualTo(new Route("rule_invoice", "finance", "invoice"));
    }

    // ---- null, empty and missing inputs ------------------------------------------------------------------------

    @Test
    void a_null_text_matches_no_keyword_row_and_falls_through_to_the_next_signal() {
        assertThat(route(ticket().text(null).customerTier("vip")))
                .isEqualTo(new Route("rule_vip", "support", "vip"));
    }

    @Test
    void an_empty_text_matches_no_keyword_row() {
        assertThat(route(ticket().text(""))).isEqualTo(new Route("rule_default", "support", null));
    }

    @Test
    void a_null_region_does_not_count_as_overseas() {
        assertThat(route(ticket().region(null))).isEqualTo(new Route("rule_default", "support", null));
    }

    @Test
    void all_inputs_null_fall_to_the_catch_all() {
        Ticket allNull = new Ticket();
        List<String> inputs =
                List.of("ticketType", "category", "priority", "customerTier", "channel", "region", "text");
        for (String input : inputs) {
            allNull.vars.put(input, null);
        }
        assertThat(route(allNull)).isEqualTo(new Route("rule_default", "support", null));
    }

    @Test
    void missing_variables_fall_to_the_catch_all_instead_of_failing() {
        assertThat(route(new Ticket())).isEqualTo(new Route("rule_default", "support", null));
    }

    @Test
    void a_null_text_with_a_technical_category_still_goes_to_tech() {
        assertThat(route(ticket().text(null).category("hardware")))
                .isEqualTo(new Route("rule_technical_category", "tech", "troubleshooting"));
    }

    @Test
    void keywords_are_lower_case_so_the_caller_must_lower_case_the_text() {
        // Contract with the caller: text arrives lower-cased. Upper-case text is not matched by the table itself.
        assertThat(route(ticket().text("INVOICE"))).isEqualTo(new Route("rule_default", "support", null));
        assertThat(route(ticket().text("INVOICE".toLowerCase())))
                .isEqualTo(new Route("rule_invoice", "finance", "invoice"));
    }

    // ---- the model itself --------------------------------------------------------------------------------------

    @Test
    void the_table_is_evaluated_by_the_feel_scala_engine_like_in_the_process_engine() {
        assertThat(routing.configuration().isEnableFeelLegacyBehavior()).isFalse();
        assertThat(routing.configuration().getFeelEngine())
                .isInstanceOf(FeelParseCache.CachingScalaFeelEngine.class);
    }

    @Test
    void the_table_is_first_hit_with_the_documented_inputs_and_outputs_and_every_row_is_annotated() {
        routing.assertIsDocumentedFirstHitTable("工单路由 Ticket routing",
                List.of("ticketType", "category", "priority", "customerTier", "channel", "region", "text"),
                List.of("group", "requiredSkill"),
                List.of("rule_type_returnRefund", "rule_type_refundRequest", "rule_type_technicalFault",
                        "rule_type_complaint", "rule_invoice", "rule_billing", "rule_complaint", "rule_technical_category",
                        "rule_technical_keywords", "rule_overseas", "rule_vip", "rule_default"));
        assertThat(routing.table().getInputs()).extracting(input -> input.getInputExpression().getTypeRef())
                .containsOnly("string");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** A typical ticket that matches no specific row; each test changes only what it is about. */
    private static Ticket ticket() {
        return new Ticket().ticketType("inquiry").category("general").priority("normal").customerTier("standard")
                .channel("web").region("华东").text("");
    }

    private static DmnDecisionResult evaluate(Ticket ticket) {
        return routing.evaluate(ticket.vars);
    }

    private static Route route(Ticket ticket) {
        DmnDecisionResult result = evaluate(ticket);
        assertThat(result).as("FIRST hit policy with a catch-all row: exactly one result").hasSize(1);
        List<String> firedRules = routing.firedRules();
        assertThat(firedRules).as("rows that fired").hasSize(1);
        DmnDecisionResultEntries entries = result.getSingleResult();
        return new Route(firedRules.get(0), entries.getEntry("group"), entries.getEntry("requiredSkill"));
    }

    /** The decision's input variables; null values are kept (HashMap) because callers may pass them. */
    static final class Ticket {
        final Map<String, Object> vars = new HashMap<>();

        Ticket ticketType(String v) { vars.put("ticketType", v); return this; }
        Ticket category(String v) { vars.put("category", v); return this; }
        Ticket priority(String v) { vars.put("priority", v); return this; }
        Ticket customerTier(String v) { vars.put("customerTier", v); return this; }
        Ticket channel(String v) { vars.put("channel", v); return this; }
        Ticket region(String v) { vars.put("region", v); return this; }
        Ticket text(String v) { vars.put("text", v); return this; }
    }
}

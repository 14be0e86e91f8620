package io.flowdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 26, item 7: Flowdesk's Chinese for Tasklist, Cockpit, Admin and Welcome ({@code locales/zh.json} of each,
 * beside Camunda's {@code en.json} in the webjar) says everything the English says: every label of Camunda's
 * English file, no other, each with the same placeholders ({@code {{ … }}}), HTML tags and entities, and in
 * Chinese. A Camunda upgrade that adds labels fails here until they are translated (the webapp would show the raw
 * key otherwise).
 */
class ChineseLocalesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the webapp fills in or renders: AngularJS expressions, tokens, HTML tags and entities. */
    private static final Pattern KEPT = Pattern.compile("\\{\\{[^}]*}}|\\{[A-Za-z0-9_]+}|%[sd]|&[a-z]+;"
            + "|</?(a|b|br|code|div|em|i|li|p|pre|small|span|strong|ul)\\b[^>]*>");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    /**
     * Labels whose English is a name, a constant, a symbol or one of Camunda's variable types (shown as the engine
     * names them, as in its documentation): the same in Chinese.
     */
    private static final Pattern NOT_TO_TRANSLATE = Pattern.compile(
            "[^A-Za-z]*|[A-Z0-9_ ]+|[A-Za-z0-9.:/_-]*\\{\\{[^}]*}}[^A-Za-z]*|.*\\b(Camunda|BPMN|DMN|CMMN|FEEL|REST|"
                    + "API|ID|JSON|XML|URL|HTML|UUID|SQL|Optimize)\\b.{0,12}|[YMDHhmsTZ:./ -]+|[a-z]+[A-Z][A-Za-z]*|<?(null|undefined|definition|"
                    + "version)>?|Boolean|Bytes|Date|Double|File|Integer|Json|Long|Null|Object|Short|String|Xml");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void chinese_has_every_english_label_with_its_placeholders_and_in_chinese(String webapp) throws IOException {
        JsonNode english = read("META-INF/resources/webjars/camunda/app/" + webapp + "/locales/en.json");
        JsonNode chinese = read("META-INF/resources/webjars/camunda/app/" + webapp + "/locales/zh.json");

        assertThat(names(chinese.get("labels"))).as(webapp + ": the labels")
                .containsExactlyInAnyOrderElementsOf(names(english.get("labels")));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> label : english.get("labels").properties()) {
            String en = label.getValue().asText();
            String zh = chinese.get("labels").get(label.getKey()).asText();
            if (en.strip().equals("s")) {
                if (!zh.isBlank()) {
                    wrong.add(label.getKey() + ": the English plural ending, nothing in Chinese: " + zh);
                }
            } else if (!kept(en).equals(kept(zh))) {
                wrong.add(label.getKey() + ": placeholders or tags " + kept(en) + " became " + kept(zh));
            } else if (!CHINESE.matcher(zh).find() && !zh.equals(en) && !symbolsForAWord(en, zh)) {
                wrong.add(label.getKey() + ": neither Chinese nor the English name: " + zh);
            } else if (!CHINESE.matcher(zh).find() && zh.equals(en) && !NOT_TO_TRANSLATE.matcher(en).matches()) {
                wrong.add(label.getKey() + ": left in English: " + en);
            }
        }
        assertThat(wrong).as(webapp).isEmpty();
        if (english.has("dateLocales")) {
            assertThat(names(chinese.get("dateLocales"))).as(webapp + ": the date formats")
                    .containsExactlyInAnyOrderElementsOf(names(english.get("dateLocales")));
            assertThat(chinese.at("/dateLocales/weekdays/1").asText()).isEqualTo("星期一");
        }
    }

    /** "3 out of 5": "3 / 5". */
    private static boolean symbolsForAWord(String en, String zh) {
        return en.strip().split("\\s+").length <= 2 && !zh.isBlank() && !zh.matches(".*[A-Za-z].*");
    }

    private static List<String> kept(String text) {
        Matcher found = KEPT.matcher(text);
        List<String> kept = new ArrayList<>();
        while (found.find()) {
            kept.add(found.group());
        }
        kept.sort(null);
        return kept;
    }

    private static List<String> names(JsonNode object) {
        return StreamSupport.stream(((Iterable<String>) object::fieldNames).spliterator(), false).toList();
    }

    /** Camunda's files start with a byte order mark, which Jackson does not take. */
    private static JsonNode read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }
}

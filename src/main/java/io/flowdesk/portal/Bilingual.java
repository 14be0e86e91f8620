package io.flowdesk.portal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text in Chinese and English, as Flowdesk's labels are written: the Chinese first, then the English
 * ({@code 订单号 Order number}). A text in one language only reads the same in both.
 */
record Bilingual(String zh, String en) {

    /** Chinese (with its punctuation and any digits), a space, then text that starts with a Latin letter. */
    private static final Pattern CHINESE_THEN_ENGLISH =
            Pattern.compile("^([^A-Za-z]*\\p{IsHan}[^A-Za-z]*?)\\s+([A-Za-z].*)$");

    static Bilingual of(String text) {
        String stripped = text == null ? "" : text.strip();
        Matcher parts = CHINESE_THEN_ENGLISH.matcher(stripped);
        return parts.matches() ? new Bilingual(parts.group(1).strip(), parts.group(2).strip())
                : new Bilingual(stripped, stripped);
    }
}

package io.flowdesk.mail;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A reply's own words, without the history its mail client quoted below them: from the first line that starts the
 * quote (the "On … wrote:" line of common clients, in English or Chinese, an "Original Message" separator, or a run of
 * lines starting with {@code >}). The whole text when that would leave nothing.
 */
final class QuotedText {

    private static final List<Pattern> QUOTE_STARTS = List.of(
            Pattern.compile("^On .{3,200} wrote:\\s*$"),
            Pattern.compile("^在.{3,200}写道[:：]\\s*$"),
            Pattern.compile("^-{2,}\\s*(Original Message|原始邮件|Forwarded message)\\s*-{2,}\\s*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(From|发件人)[:：] .+$"),
            Pattern.compile("^>.*$"));

    private QuotedText() {
    }

    static String without(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = normalized.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (QUOTE_STARTS.stream().anyMatch(start -> start.matcher(line).matches())) {
                String own = String.join("\n", Arrays.copyOfRange(lines, 0, i)).strip();
                return own.isEmpty() ? normalized.strip() : own;
            }
        }
        return normalized.strip();
    }
}

package io.flowdesk.common;

import org.springframework.http.MediaType;

public final class ProblemJson {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    private ProblemJson() {
    }

    /** A minimal problem document for places outside Spring MVC (servlet filters). */
    public static String of(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

package io.flowdesk.security;

import java.util.regex.Pattern;

/** What an integrating system's API key may do: each scope opens some calls of {@code /api}, and nothing else. */
public enum ApiKeyScope {
    /** {@code POST /api/tickets} (with Idempotency-Key for safe retries). */
    TICKETS_CREATE("tickets:create", "POST", "/api/tickets"),
    /** The tickets the system opened, their files, and the ticket types. */
    TICKETS_READ("tickets:read", "GET", "/api/tickets(/[^/]+(/attachments(/[^/]+)?)?)?|/api/ticket-types"),
    /** Public replies and internal notes on the tickets the system opened. */
    TICKETS_COMMENT("tickets:comment", "POST", "/api/tickets/[^/]+/comments");

    private final String label;
    private final String method;
    private final Pattern paths;

    ApiKeyScope(String label, String method, String paths) {
        this.label = label;
        this.method = method;
        this.paths = Pattern.compile(paths);
    }

    public String label() {
        return label;
    }

    boolean allows(String requestMethod, String path) {
        return method.equalsIgnoreCase(requestMethod) && paths.matcher(path).matches();
    }

    static ApiKeyScope of(String label) {
        for (ApiKeyScope scope : values()) {
            if (scope.label.equals(label)) {
                return scope;
            }
        }
        throw new IllegalArgumentException(label);
    }
}

package io.flowdesk.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who acted, and through which door: our API ({@code api}), Camunda's engine REST ({@code engine-rest}), its
 * webapps Tasklist, Cockpit and Admin ({@code webapp}), or Flowdesk itself ({@code system}: start-up, timers), with
 * the client's address for a request (as the server sees it: behind a proxy, with forwarded headers honoured).
 */
record Origin(String actor, String source, String clientAddress) {

    static final String SYSTEM = "system";
    static final String ANONYMOUS = "anonymous";
    static final String API = "api";

    /** The current request's origin, if there is one, as the given user: anonymous on a request with none. */
    static Origin of(String userId) {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return new Origin(userId == null ? SYSTEM : userId, SYSTEM, null);
        }
        return new Origin(userId == null ? ANONYMOUS : userId, sourceOf(request), request.getRemoteAddr());
    }

    static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static String sourceOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return API;
        }
        if (path.startsWith("/engine-rest/")) {
            return "engine-rest";
        }
        return path.startsWith("/camunda/") ? "webapp" : "http";
    }
}

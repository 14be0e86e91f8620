package io.flowdesk.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.DispatcherServlet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Requests refused by the access rules. A refusal ends the request in an error whose transaction rolls back, so it is
 * noted with the request and recorded in a transaction of its own once the request is over ({@link RefusedApiAccess});
 * one met on engine REST or in the webapps, where no such transaction is left, is recorded at once.
 */
@Component
public class AccessRefusals {

    private static final Logger log = LoggerFactory.getLogger(AccessRefusals.class);
    private static final String NOTED = AccessRefusals.class.getName() + ".noted";

    private final AuditLog audit;

    AccessRefusals(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * The current request is refused access to the target, for the reason given: a 403, or a 404 that hides what the
     * user may not see (a 404 for something that does not exist is no refusal, and is not noted).
     */
    public void refused(String userId, String targetType, String targetId, String reason) {
        HttpServletRequest request = Origin.currentRequest();
        if (request != null) {
            note(request, audit.entry(userId, AuditAction.ACCESS_REFUSED, targetType, targetId, reason));
        }
    }

    /** The engine's own check refused the authenticated user. */
    void refusedByEngine(AuthorizationException refused) {
        HttpServletRequest request = Origin.currentRequest();
        if (request == null) {
            return;
        }
        List<MissingAuthorization> missing = refused.getMissingAuthorizations();
        MissingAuthorization first = missing.isEmpty() ? null : missing.get(0);
        AuditEvent entry = audit.entry(refused.getUserId(), AuditAction.ACCESS_REFUSED,
                first == null ? "engine" : typeName(first.getResourceType()),
                first == null || first.getResourceId() == null ? "*" : first.getResourceId(),
                missing.isEmpty() ? refused.getMessage() : "needs " + missing.stream()
                        .map(m -> m.getViolatedPermissionName() + " on " + m.getResourceType()
                                + (m.getResourceId() == null ? "" : " " + m.getResourceId()))
                        .collect(Collectors.joining(" or ")));
        if (Origin.API.equals(entry.getSource())) {
            note(request, entry); // our API answers it, and may be inside a transaction still
            return;
        }
        try {
            audit.recordApart(List.of(entry));
        } catch (RuntimeException e) {
            log.warn("Could not record {}'s refused request in the audit log", refused.getUserId(), e);
        }
    }

    /** A 403 of our API that no one noted: the request and the problem's detail. */
    AuditEvent forbidden(HttpServletRequest request) {
        String detail = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof ErrorResponse error
                ? error.getBody().getDetail() : null;
        return audit.entry(audit.currentUserId(), AuditAction.ACCESS_REFUSED, "request",
                request.getMethod() + " " + request.getRequestURI(), detail);
    }

    /** The refusals noted for the request, forgotten here. */
    @SuppressWarnings("unchecked")
    List<AuditEvent> takeNoted(HttpServletRequest request) {
        Object noted = request.getAttribute(NOTED);
        if (noted == null) {
            return List.of();
        }
        request.removeAttribute(NOTED);
        return (List<AuditEvent>) noted;
    }

    @SuppressWarnings("unchecked")
    private static void note(HttpServletRequest request, AuditEvent entry) {
        List<AuditEvent> noted = (List<AuditEvent>) request.getAttribute(NOTED);
        if (noted == null) {
            noted = new ArrayList<>();
            request.setAttribute(NOTED, noted);
        }
        noted.add(entry);
    }

    /** Camunda's resource names as our target types: {@code ProcessDefinition} → {@code process-definition}. */
    static String typeName(String resourceName) {
        return resourceName.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}

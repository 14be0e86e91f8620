package io.flowdesk.audit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Writes the audit log. A change is recorded in the transaction that makes it, so that its entry is kept exactly when
 * the change is: an engine command's (identity, authorizations, deployments, tasks, password checks) or a feature's
 * (agent profiles, transfers). Refused requests are recorded apart, once their own work has rolled back.
 */
@Service
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;
    /** Looked up when first needed: the engine's hooks record while the engine is being built. */
    private final ObjectProvider<IdentityService> identityService;

    AuditLog(AuditEventRepository events, Clock clock, ObjectProvider<IdentityService> identityService) {
        this.events = events;
        this.clock = clock;
        this.identityService = identityService;
    }

    /** Records a change by whoever is authenticated now, in the transaction that makes it (there must be one). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String targetType, String targetId, String detail) {
        events.save(entry(currentUserId(), action, targetType, targetId, detail));
    }

    /** Entries of a request that was refused, in a transaction of their own: the request's work has rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordApart(List<AuditEvent> entries) {
        entries.forEach(events::save);
    }

    /** An entry made now by the user (null: nobody logged in), for the current request if there is one. */
    AuditEvent entry(String userId, AuditAction action, String targetType, String targetId, String detail) {
        return new AuditEvent(clock.instant(), Origin.of(userId), action, targetType, targetId, detail);
    }

    /** The user authenticated for the current engine command or request, if any. */
    String currentUserId() {
        CommandContext command = Context.getCommandContext();
        if (command != null) {
            return command.getAuthenticatedUserId();
        }
        IdentityService identity = identityService.getIfAvailable();
        Authentication authentication = identity == null ? null : identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}

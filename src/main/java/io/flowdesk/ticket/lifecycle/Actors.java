package io.flowdesk.ticket.lifecycle;

import io.flowdesk.security.Roles;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Who is acting inside an engine command: the authenticated user, else the engine itself (timers, jobs). */
final class Actors {

    static final String SYSTEM = "system";

    private Actors() {
    }

    static String current() {
        return currentUser(SYSTEM);
    }

    /** The authenticated user is a system that opens tickets (role integrations). */
    static boolean isIntegration() {
        CommandContext commandContext = Context.getCommandContext();
        Authentication authentication = commandContext == null ? null : commandContext.getAuthentication();
        return authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(Roles.INTEGRATIONS);
    }

    static String currentUser(String fallback) {
        CommandContext commandContext = Context.getCommandContext();
        String userId = commandContext == null ? null : commandContext.getAuthenticatedUserId();
        return userId != null ? userId : fallback;
    }
}

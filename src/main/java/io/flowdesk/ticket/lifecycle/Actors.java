package io.flowdesk.ticket.lifecycle;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Who is acting inside an engine command: the authenticated user, else the engine itself (timers, jobs). */
final class Actors {

    static final String SYSTEM = "system";

    private Actors() {
    }

    static String current() {
        return currentUser(SYSTEM);
    }

    static String currentUser(String fallback) {
        CommandContext commandContext = Context.getCommandContext();
        String userId = commandContext == null ? null : commandContext.getAuthenticatedUserId();
        return userId != null ? userId : fallback;
    }
}

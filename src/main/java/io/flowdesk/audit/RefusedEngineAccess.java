package io.flowdesk.audit;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import java.util.function.Supplier;

/**
 * The engine's authorization checks refusing a request: engine REST and the webapps answer 403. Placed before the
 * engine's transaction, so that it sees the refusal once the command's work has rolled back; a command nested in
 * another passes its refusal on to the outer one, which is where it is recorded. Costs nothing but a method call
 * when nothing is refused.
 */
final class RefusedEngineAccess extends CommandInterceptor {

    private final Supplier<AccessRefusals> refusals;

    RefusedEngineAccess(Supplier<AccessRefusals> refusals) {
        this.refusals = refusals;
    }

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (AuthorizationException refused) {
            if (Context.getCommandContext() == null) {
                refusals.get().refusedByEngine(refused);
            }
            throw refused;
        }
    }
}

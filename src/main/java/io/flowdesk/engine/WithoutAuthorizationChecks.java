package io.flowdesk.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.util.function.Supplier;

/**
 * Engine calls Flowdesk makes on its own behalf, without the engine's authorization checks: routing reading who is
 * in a department, the ticket types in force, and the API's own calls once it has checked the caller's rights
 * itself (a ticket create starts its process; a transfer moves another department's tasks). The calls still run
 * as the authenticated user, so the timeline and Camunda's records say who acted.
 * <p>
 * Inside an engine command the checks are switched off for the duration of the call; outside one, the call runs
 * in a command of its own (joining the surrounding transaction, as every engine call does).
 */
@Component
public class WithoutAuthorizationChecks {

    /** Looked up once, when first needed: the engine is built after the beans that use this. */
    private final Supplier<ProcessEngineConfigurationImpl> engine;

    WithoutAuthorizationChecks(ObjectProvider<ProcessEngineConfigurationImpl> engine) {
        this.engine = SingletonSupplier.of(engine::getObject);
    }

    public <T> T call(Supplier<T> work) {
        CommandContext current = Context.getCommandContext();
        if (current != null) {
            return unchecked(current, work);
        }
        return engine.get().getCommandExecutorTxRequired()
                .execute((Command<T>) commandContext -> unchecked(commandContext, work));
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private static <T> T unchecked(CommandContext commandContext, Supplier<T> work) {
        boolean checking = commandContext.isAuthorizationCheckEnabled();
        commandContext.disableAuthorizationCheck();
        try {
            return work.get();
        } finally {
            if (checking) {
                commandContext.enableAuthorizationCheck();
            }
        }
    }
}

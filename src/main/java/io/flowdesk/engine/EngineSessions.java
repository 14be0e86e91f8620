package io.flowdesk.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine's sessions (its managers and identity provider, one per command) of our own making, in place of
 * Camunda's: set up in a plugin's {@code preInit}.
 */
public final class EngineSessions {

    private EngineSessions() {
    }

    /** Gives the engine the session made by {@code open} for every command, in place of its own of that type. */
    public static void replace(ProcessEngineConfigurationImpl configuration, Class<?> sessionType,
                               Supplier<Session> open) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(factory(sessionType, open));
        configuration.setCustomSessionFactories(factories);
    }

    /** A factory of sessions of the type, each made by {@code open}. */
    public static SessionFactory factory(Class<?> sessionType, Supplier<Session> open) {
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return sessionType;
            }

            @Override
            public Session openSession() {
                return open.get();
            }
        };
    }
}

package io.flowdesk.audit;

import io.flowdesk.engine.EngineSessions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserOperationLogManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the engine tells the audit log what happened: its user operation log (changes users make through Admin,
 * Cockpit, Tasklist and engine REST: {@link AuditedOperationLog}), its user directory (failed password checks:
 * {@link AuditedIdentityProvider}) and its command executor (refused requests: {@link RefusedEngineAccess}).
 * An identity provider of another kind (LDAP) set up elsewhere is left in place: failed logins then go unrecorded.
 */
@Component
class AuditPlugin extends AbstractProcessEnginePlugin {

    /** Looked up when first needed, then kept: the audit log's repository needs the engine's transactions first. */
    private final Supplier<AuditLog> audit;
    private final Supplier<AccessRefusals> refusals;

    AuditPlugin(ObjectProvider<AuditLog> audit, ObjectProvider<AccessRefusals> refusals) {
        this.audit = SingletonSupplier.of(audit::getObject);
        this.refusals = SingletonSupplier.of(refusals::getObject);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, UserOperationLogManager.class, () -> new AuditedOperationLog(audit));
        if (configuration.getIdentityProviderSessionFactory() == null) {
            configuration.setIdentityProviderSessionFactory(EngineSessions.factory(AuditedIdentityProvider.class,
                    () -> new AuditedIdentityProvider(audit)));
        }
        List<CommandInterceptor> before = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        before.add(new RefusedEngineAccess(refusals));
        configuration.setCustomPreCommandInterceptorsTxRequired(before);
    }
}

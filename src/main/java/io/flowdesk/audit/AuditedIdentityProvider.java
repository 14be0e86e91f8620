package io.flowdesk.audit;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import java.util.function.Supplier;

/**
 * Camunda's own user directory, recording every failed password check: the HTTP Basic login of {@code /api} and
 * {@code /engine-rest}, the webapps' login page and engine REST's {@code /identity/verify} all end here. The check is a
 * command of its own that commits although the request then fails (it stores the failed attempt, which delays the
 * account's next login), so the entry is kept with it. The user id tried is recorded, never the password.
 * <p>
 * One instance per engine command, like every engine session.
 */
class AuditedIdentityProvider extends DbIdentityServiceProvider {

    private final Supplier<AuditLog> audit;
    private boolean wasLocked;
    private boolean wrongPassword;

    AuditedIdentityProvider(Supplier<AuditLog> audit) {
        this.audit = audit;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        wasLocked = false;
        wrongPassword = false;
        boolean valid = super.checkPassword(userId, password);
        if (!valid) {
            audit.get().record(AuditAction.LOGIN_FAILED, "user", userId, reason(password));
        }
        return valid;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        wasLocked = super.isUserLocked(user);
        return wasLocked;
    }

    @Override
    protected void lockUser(UserEntity user) {
        wrongPassword = true;
        super.lockUser(user);
    }

    private String reason(String password) {
        if (wrongPassword) {
            return "wrong password";
        }
        if (wasLocked) {
            return "account locked by earlier failed logins";
        }
        return password == null ? "no password" : "no such user";
    }
}

package io.flowdesk.security;

/** A production start refused for its administrator password; the message says what to set. */
class UnsafeAdminPasswordException extends IllegalStateException {

    static final String ACTION = "Set the environment variable FLOWDESK_ADMIN_PASSWORD (or pass"
            + " --camunda.bpm.admin-user.password=...) to a password of at least %d characters that is not a demo"
            + " password (admin, demo).";

    private final String problem;
    private final String action;

    UnsafeAdminPasswordException(String problem, int minLength) {
        super("Refusing a production start: " + problem + ". " + ACTION.formatted(minLength));
        this.problem = problem;
        this.action = ACTION.formatted(minLength);
    }

    String problem() {
        return problem;
    }

    String action() {
        return action;
    }
}

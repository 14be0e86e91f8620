package io.flowdesk.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused production start into Spring Boot's "APPLICATION FAILED TO START ... Action:" report. */
class UnsafeAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeAdminPasswordException cause) {
        return new FailureAnalysis("Flowdesk runs as production (flowdesk.production.enabled, set by the mysql"
                + " profile) and " + cause.problem() + ".", cause.action(), cause);
    }
}

package io.flowdesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import java.util.List;

/** The user the current request is authenticated as (set by the authentication filters). */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new IllegalStateException("no authenticated user for this request");
        }
        return authentication.getUserId();
    }

    /** Supervisors and administrators manage agents and routing data. */
    public boolean isSupervisorOrAdmin() {
        Authentication authentication = identityService.getCurrentAuthentication();
        List<String> groups = authentication == null || authentication.getGroupIds() == null
                ? List.of() : authentication.getGroupIds();
        return groups.contains("supervisors") || groups.contains("camunda-admin");
    }
}

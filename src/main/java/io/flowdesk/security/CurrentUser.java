package io.flowdesk.security;

import io.flowdesk.common.Problems;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The user the current request is authenticated as (set by the authentication filters). */
@Component
public class CurrentUser {

    private final IdentityService identityService;

    CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        return authentication().getUserId();
    }

    /** The user with their groups, as the ticket and routing features decide what they may see and do. */
    public Viewer viewer() {
        Authentication authentication = authentication();
        return new Viewer(authentication.getUserId(), authentication.getGroupIds());
    }

    /** The user, if an administrator; anyone else is refused with 403 and that reason. */
    public Viewer administrator(String refusal) {
        Viewer viewer = viewer();
        if (!viewer.isAdministrator()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed", refusal);
        }
        return viewer;
    }

    private Authentication authentication() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new IllegalStateException("no authenticated user for this request");
        }
        return authentication;
    }
}

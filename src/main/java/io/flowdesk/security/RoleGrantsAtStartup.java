package io.flowdesk.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes sure every group has the grants of its role, at start-up: groups made before Flowdesk knew roles, or
 * imported into the database. A group created later gets them when it is created
 * ({@link DepartmentAuthorizationProvider#newGroup}). A grant that exists is left as it is, so an administrator may
 * narrow it in Camunda Admin; one that was deleted comes back at the next start (to take a role away from someone,
 * take them out of the group).
 */
@Component
class RoleGrantsAtStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RoleGrantsAtStartup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    RoleGrantsAtStartup(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    /** One query per kind of role grant (a handful) tells which groups hold it; those missing it get it. */
    @Override
    public void afterSingletonsInstantiated() {
        Map<RoleGrants.Grant, List<String>> missing = new LinkedHashMap<>();
        for (Group group : identityService.createGroupQuery().list()) {
            RoleGrants.of(group.getId()).forEach(grant ->
                    missing.computeIfAbsent(grant, g -> new ArrayList<>()).add(group.getId()));
        }
        Map<String, Set<String>> holders = new HashMap<>(); // resource type and id -> groups holding a grant on it
        missing.forEach((grant, groups) -> {
            Set<String> holding = holders.computeIfAbsent(grant.resource().resourceType() + " " + grant.resourceId(),
                    on -> authorizationService.createAuthorizationQuery()
                            .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(grant.resource())
                            .resourceId(grant.resourceId()).list().stream()
                            .map(Authorization::getGroupId).filter(Objects::nonNull).collect(Collectors.toSet()));
            groups.stream().filter(group -> !holding.contains(group)).forEach(group -> grant(group, grant));
        });
    }

    private void grant(String groupId, RoleGrants.Grant grant) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        for (var permission : grant.permissions()) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
        log.info("Granted group {} its role's {} on {} {}", groupId, Arrays.toString(grant.permissions()),
                grant.resource().resourceName(), grant.resourceId());
    }
}

package io.flowdesk.identity;

import io.flowdesk.routing.AgentProfiles;
import io.flowdesk.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Seeds the demo departments, role groups and people (agents with their routing profiles), once: what already exists
 * is left as it is, so a changed password survives a restart. The administrator joins every department. A group
 * gets the grants of its role when it is created (see {@link io.flowdesk.security.Roles}).
 */
@Component
class DemoIdentitySeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentitySeeder.class);

    private final IdentityService identityService;
    private final AgentProfiles agents;
    private final DemoProperties demo;

    DemoIdentitySeeder(IdentityService identityService, AgentProfiles agents, DemoProperties demo) {
        this.identityService = identityService;
        this.agents = agents;
        this.demo = demo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!demo.enabled()) {
            return;
        }
        demo.groups().forEach(this::ensureGroup);
        demo.users().forEach(this::ensureUser);
        if (identityService.createUserQuery().userId(demo.administrator()).count() > 0) {
            demo.groups().stream().map(DemoProperties.DemoGroup::id).filter(Roles::isDepartment)
                    .forEach(department -> ensureMembership(demo.administrator(), department));
        }
    }

    private void ensureGroup(DemoProperties.DemoGroup demoGroup) {
        if (identityService.createGroupQuery().groupId(demoGroup.id()).count() == 0) {
            Group group = identityService.newGroup(demoGroup.id());
            group.setName(demoGroup.name());
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
            log.info("Seeded demo group {}", demoGroup.id());
        }
    }

    private void ensureUser(DemoProperties.DemoUser demoUser) {
        if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
            User user = identityService.newUser(demoUser.id());
            user.setFirstName(demoUser.firstName());
            user.setLastName(demoUser.lastName());
            user.setEmail(demoUser.email());
            user.setPassword(demoUser.password());
            identityService.saveUser(user);
            log.info("Seeded demo user {}", demoUser.id());
        }
        demoUser.groups().forEach(group -> ensureMembership(demoUser.id(), group));
        if (demoUser.capacity() != null) {
            agents.ensure(demoUser.id(), Set.copyOf(demoUser.skills()), demoUser.capacity());
        }
    }

    private void ensureMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }
}

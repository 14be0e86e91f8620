package io.flowdesk.identity;

import io.flowdesk.routing.AgentProfiles;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seeds the demo departments, agents (with their routing profiles) and Tasklist filters, once: what already exists is left as it is, so a
 * changed password survives a restart. The administrator joins every department.
 */
@Component
class DemoIdentitySeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentitySeeder.class);

    private final IdentityService identityService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final AgentProfiles agents;
    private final DemoProperties demo;

    DemoIdentitySeeder(IdentityService identityService, FilterService filterService, TaskService taskService,
                       AgentProfiles agents, DemoProperties demo) {
        this.identityService = identityService;
        this.filterService = filterService;
        this.taskService = taskService;
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
            demo.groups().forEach(group -> ensureMembership(demo.administrator(), group.id()));
        }
        ensureTasklistFilters();
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

    private void ensureTasklistFilters() {
        if (filterService.createTaskFilterQuery().count() > 0) {
            return;
        }
        saveFilter("我的工单 My tickets", -10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        saveFilter("我组的工单 My department's queue", -5,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .taskUnassigned());
        saveFilter("全部工单 All tickets", 0, taskService.createTaskQuery());
    }

    private void saveFilter(String name, int priority, TaskQuery query) {
        Filter filter = filterService.newTaskFilter(name).setQuery(query)
                .setProperties(Map.of(
                        "priority", priority,
                        "refresh", true,
                        "variables", List.of(
                                Map.of("name", "ticketNumber", "label", "工单号 Ticket"),
                                Map.of("name", "subject", "label", "主题 Subject"),
                                Map.of("name", "customerName", "label", "客户 Customer"),
                                Map.of("name", "priority", "label", "优先级 Priority"))));
        filterService.saveFilter(filter);
    }
}

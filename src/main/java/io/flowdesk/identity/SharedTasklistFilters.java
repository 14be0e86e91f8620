package io.flowdesk.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Tasklist's shared filters (my tickets, my department's queue, all I may see), made once when there are none,
 * and readable by every user. What a filter lists is what its user may read: the engine applies their
 * authorizations to the filter's query.
 */
@Component
class SharedTasklistFilters implements SmartInitializingSingleton {

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    SharedTasklistFilters(FilterService filterService, TaskService taskService,
                          AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (filterService.createTaskFilterQuery().count() == 0) {
            save("我的工单 My tickets", -10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
            save("我组的工单 My department's queue", -5,
                    taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                            .taskUnassigned());
            save("全部工单 All tickets", 0, taskService.createTaskQuery());
        }
        filterService.createFilterQuery().list().stream().filter(filter -> filter.getOwner() == null)
                .forEach(this::everyoneReads);
    }

    private void save(String name, int priority, TaskQuery query) {
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

    private void everyoneReads(Filter filter) {
        boolean granted = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
        if (!granted) {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            authorization.setUserId(Authorization.ANY);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filter.getId());
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }
}

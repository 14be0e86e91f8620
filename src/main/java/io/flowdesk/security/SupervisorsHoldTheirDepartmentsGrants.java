package io.flowdesk.security;

import io.flowdesk.common.InheritedGrants;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A department's supervisors hold what the department holds, in every authorization check of the engine (Tasklist,
 * Cockpit, engine REST): a member of {@code tech-supervisors} reads the tickets, process instances, history and
 * tasks that {@code tech} has been granted, and on the tasks {@code tech} works they also reassign
 * ({@code TASK_ASSIGN}). So a ticket or task is granted to the department alone, one row where a row for its
 * supervisors beside it doubled the grants each ticket create and task completion writes (benchmark/README.md,
 * 2026-12-06 evening). Supervisors are not members of the department's group: routing never assigns them its work,
 * and Camunda Admin shows the groups as an administrator set them.
 */
@Component
class SupervisorsHoldTheirDepartmentsGrants implements InheritedGrants {

    private static final int TASK = Resources.TASK.resourceType();
    private static final int ASSIGN = TaskPermissions.TASK_ASSIGN.getValue();

    @Override
    public List<String> groupsHeld(List<String> groupIds) {
        List<String> held = new ArrayList<>(groupIds);
        groupIds.forEach(group -> Roles.supervisedDepartment(group).filter(department -> !held.contains(department))
                .ifPresent(held::add));
        return held;
    }

    @Override
    public int permissions(int resourceType, String groupId, int perms, List<String> groupIds) {
        if (resourceType == TASK && groupIds.contains(Roles.supervisorsOf(groupId))) {
            return perms | ASSIGN;
        }
        return perms;
    }
}

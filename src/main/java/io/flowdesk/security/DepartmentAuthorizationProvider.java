package io.flowdesk.security;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.camunda.bpm.engine.impl.util.EnsureUtil.ensureValidIndividualResourceId;

/**
 * The grants the engine makes when something new appears, Flowdesk's way (Camunda calls this provider from its
 * own listeners, in the transaction that creates the task, group or deployment):
 * <ul>
 *   <li>a task offered to a department is read and worked by that department's agents (claim, complete, read its
 *       variables), and also reassigned by its supervisors, who hold the department's grants; a task offered to a
 *       role group (escalations for a department's supervisors, managers) is read and worked by that group; its
 *       assignee reads and works it (through that group, if routing picked them from it:
 *       {@link DepartmentMemberAssignment}).
 *       No history grant per task: the departments that hold a ticket read its whole history
 *       ({@link TicketGrants});</li>
 *   <li>a new group gets the rights of its role ({@link RoleGrants});</li>
 *   <li>whoever deploys reads their deployment, but only an administrator deletes one (a cascading delete ends the
 *       process of every ticket of it).</li>
 * </ul>
 */
class DepartmentAuthorizationProvider extends DefaultAuthorizationProvider {

    static final Permission[] WORK = {Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.READ_VARIABLE};
    static final Permission[] SUPERVISE = {Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN,
            TaskPermissions.READ_VARIABLE};

    /**
     * Who is granted a task offered to the group, with what: a department's agents work it (and its supervisors, who
     * hold the department's grants, also reassign it: {@link SupervisorsHoldTheirDepartmentsGrants}); a supervisors'
     * group works and reassigns it; another role group works it.
     */
    static Map<String, Permission[]> taskGrantees(String groupId) {
        if (Roles.isDepartment(groupId)) {
            return Map.of(groupId, WORK);
        }
        return Map.of(groupId, Roles.supervisedDepartment(groupId).isPresent() ? SUPERVISE : WORK);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        ensureValidIndividualResourceId("Cannot grant a task to group " + groupId, groupId);
        boolean isNew = EngineGrants.isNew((DbEntity) task);
        return toSave(taskGrantees(groupId).entrySet().stream().map(grantee -> EngineGrants.grant(isNew, null,
                grantee.getKey(), Resources.TASK, task.getId(), grantee.getValue())));
    }

    /**
     * A task handed back or to someone else is no longer the previous assignee's to work (they keep it as long as
     * their department is offered it).
     */
    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        if (oldAssignee != null && !oldAssignee.equals(newAssignee)) {
            EngineGrants.revoke(oldAssignee, null, Resources.TASK, task.getId());
        }
        if (newAssignee == null || DepartmentMemberAssignment.isAssigning(newAssignee)) {
            return null; // routing picked a member of the group the task is offered to: its grant covers them
        }
        return userWorks(task, newAssignee);
    }

    /**
     * A task taken from a group (a transfer to another department) is no longer that group's to work, nor its
     * supervisors' to reassign. The department still sees the ticket it held ({@link TicketGrants}).
     */
    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (((TaskEntity) task).isDeleted()) {
            return null; // the task ends: Camunda deletes all its grants in one statement
        }
        keepAssigneeWorking(task);
        boolean isNew = EngineGrants.isNew((DbEntity) task);
        return toSave(grantedWith(groupId).stream()
                .map(group -> EngineGrants.find(isNew, null, group, Resources.TASK, task.getId())));
    }

    /**
     * The groups a task offered to the group was granted to: those of {@link #taskGrantees}, and for a department
     * also its supervisors, who had a grant of their own on tasks made before 2026-12-06 evening.
     */
    private static List<String> grantedWith(String groupId) {
        return Roles.isDepartment(groupId) ? Roles.withSupervisors(groupId) : List.of(groupId);
    }

    /**
     * The assignee may have worked the task through the group that is taken from it
     * ({@link DepartmentMemberAssignment}): they keep it with a grant of their own, as Camunda's assignees have.
     */
    private static void keepAssigneeWorking(Task task) {
        String assignee = task.getAssignee();
        if (assignee != null && EngineGrants.find(assignee, null, Resources.TASK, task.getId()) == null) {
            // none made in this command or stored, as find just read: no second lookup
            EngineGrants.save(EngineGrants.grant(true, assignee, null, Resources.TASK, task.getId(), WORK));
        }
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        return newOwner == null ? null : userWorks(task, newOwner);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        return userWorks(task, userId);
    }

    @Override
    public AuthorizationEntity[] newGroup(Group group) {
        AuthorizationEntity[] members = super.newGroup(group);
        return Stream.concat(Stream.of(members), RoleGrants.of(group.getId()).stream()
                        .map(grant -> EngineGrants.grant(false, null, group.getId(), grant.resource(),
                                grant.resourceId(), grant.permissions())))
                .filter(Objects::nonNull)
                .toArray(AuthorizationEntity[]::new);
    }

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
        AuthorizationEntity[] grants = super.newDeployment(deployment);
        if (grants != null) {
            for (AuthorizationEntity grant : grants) {
                grant.removePermission(Permissions.DELETE);
            }
        }
        return grants;
    }

    private AuthorizationEntity[] userWorks(Task task, String userId) {
        ensureValidIndividualResourceId("Cannot grant a task to user " + userId, userId);
        return toSave(Stream.of(EngineGrants.grant(EngineGrants.isNew((DbEntity) task), userId, null, Resources.TASK,
                task.getId(), WORK)));
    }

    private static AuthorizationEntity[] toSave(Stream<AuthorizationEntity> grants) {
        return grants.filter(Objects::nonNull).toArray(AuthorizationEntity[]::new);
    }
}

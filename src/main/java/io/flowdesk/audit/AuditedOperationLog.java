package io.flowdesk.audit;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserOperationLogManager;

import java.util.List;
import java.util.function.Supplier;

import static org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_COMPLETE;
import static org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_CREATE;
import static org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_DELETE;
import static org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_UNLOCK;
import static org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_UPDATE;

/**
 * Camunda's user operation log, made Flowdesk's audit. The engine calls it where a user's command has changed
 * something (saved a user, group, membership or authorization, deployed, assigned a task), after the command's own
 * checks and in its transaction; never for what the engine does by itself (the grants made for each new task, the
 * assignment of a task as it is created). Camunda writes its own log only at history levels above Flowdesk's
 * {@code tasks}; what it would write is passed on to it all the same.
 * <p>
 * One instance per engine command, like every engine session. A task's completion, the one call here on the path
 * every ticket takes, is let through after a comparison of the operation's name.
 */
class AuditedOperationLog extends UserOperationLogManager {

    private final Supplier<AuditLog> audit;

    AuditedOperationLog(Supplier<AuditLog> audit) {
        this.audit = audit;
    }

    @Override
    public void logUserOperation(String operation, String userId) {
        if (operation != null) {
            UserEntity user = getDbEntityManager().getCachedEntity(UserEntity.class, userId);
            AuditAction action = switch (operation) {
                case OPERATION_TYPE_CREATE -> AuditAction.USER_CREATED;
                case OPERATION_TYPE_UPDATE -> user != null && user.hasNewPassword()
                        ? AuditAction.PASSWORD_CHANGED : AuditAction.USER_CHANGED;
                case OPERATION_TYPE_DELETE -> AuditAction.USER_DELETED;
                case OPERATION_TYPE_UNLOCK -> AuditAction.USER_UNLOCKED;
                default -> null;
            };
            record(action, "user", userId, action == AuditAction.USER_CREATED || action == AuditAction.USER_CHANGED
                    ? ChangeDetails.profileOf(user) : null);
        }
        super.logUserOperation(operation, userId);
    }

    @Override
    public void logGroupOperation(String operation, String groupId) {
        if (operation != null) {
            GroupEntity group = getDbEntityManager().getCachedEntity(GroupEntity.class, groupId);
            record(createdChangedOrDeleted(operation, AuditAction.GROUP_CREATED, AuditAction.GROUP_CHANGED,
                    AuditAction.GROUP_DELETED), "group", groupId, group == null ? null : group.getName());
        }
        super.logGroupOperation(operation, groupId);
    }

    /** Group memberships; Flowdesk has no tenants, whose memberships come here too. */
    @Override
    public void logMembershipOperation(String operation, String userId, String groupId, String tenantId) {
        if (operation != null && tenantId == null) {
            record(createdChangedOrDeleted(operation, AuditAction.MEMBERSHIP_ADDED, null,
                    AuditAction.MEMBERSHIP_REMOVED), "group", groupId, "user " + userId);
        }
        super.logMembershipOperation(operation, userId, groupId, tenantId);
    }

    @Override
    public void logAuthorizationOperation(String operation, AuthorizationEntity authorization,
                                          AuthorizationEntity previous) {
        String now = describe(authorization);
        record(createdChangedOrDeleted(operation, AuditAction.AUTHORIZATION_CREATED,
                AuditAction.AUTHORIZATION_CHANGED, AuditAction.AUTHORIZATION_DELETED), "authorization",
                authorization.getId(), previous == null ? now : describe(previous) + " → " + now);
        super.logAuthorizationOperation(operation, authorization, previous);
    }

    /**
     * A deployment that made new definitions: an entry for each, by key and version. A deployment whose files were
     * all deployed before (a restart with the same models) made none, and is no change.
     */
    @Override
    public void logDeploymentOperation(String operation, String deploymentId, String tenantId,
                                       List<PropertyChange> propertyChanges) {
        DeploymentEntity deployment = getDbEntityManager().getCachedEntity(DeploymentEntity.class, deploymentId);
        if (OPERATION_TYPE_CREATE.equals(operation) && deployment != null && deployment.isNew()) {
            ChangeDetails.definitionsOf(deployment).forEach(definition -> record(AuditAction.MODEL_DEPLOYED,
                    definition.type(), definition.keyAndVersion(), definition.detail()));
        } else if (OPERATION_TYPE_DELETE.equals(operation)) {
            record(AuditAction.DEPLOYMENT_DELETED, "deployment", deploymentId, ChangeDetails.deletion(deployment,
                    getProcessDefinitionManager().findProcessDefinitionsByDeploymentId(deploymentId),
                    getDecisionDefinitionManager().findDecisionDefinitionByDeploymentId(deploymentId),
                    propertyChanges));
        }
        super.logDeploymentOperation(operation, deploymentId, tenantId, propertyChanges);
    }

    /** A task's assignee changed by a command (assign, claim, delegate, update), unless the agent's own doing. */
    @Override
    public void logTaskOperations(String operation, TaskEntity task, List<PropertyChange> propertyChanges) {
        if (!OPERATION_TYPE_COMPLETE.equals(operation) && !OPERATION_TYPE_CREATE.equals(operation)
                && !OPERATION_TYPE_DELETE.equals(operation)) {
            for (PropertyChange change : propertyChanges) {
                if (TaskEntity.ASSIGNEE.equals(change.getPropertyName())) {
                    reassigned(task, change.getOrgValueString(), change.getNewValueString());
                }
            }
        }
        super.logTaskOperations(operation, task, propertyChanges);
    }

    private void reassigned(TaskEntity task, String from, String to) {
        if (ChangeDetails.isReassignment(audit.get().currentUserId(), from, to)) {
            String ticket = task.getProcessInstanceId() == null ? null : task.getProcessInstance().getBusinessKey();
            record(AuditAction.TASK_REASSIGNED, "task", task.getId(), task.getName()
                    + (ticket == null ? "" : " of " + ticket) + ": " + ChangeDetails.fromTo(from, to));
        }
    }

    private String describe(AuthorizationEntity authorization) {
        String who = authorization.getUserId() != null ? "user " + authorization.getUserId()
                : "group " + authorization.getGroupId();
        String kind = switch (authorization.getAuthorizationType()) {
            case Authorization.AUTH_TYPE_GLOBAL -> "global";
            case Authorization.AUTH_TYPE_REVOKE -> "revoke from " + who;
            default -> "grant to " + who;
        };
        return kind + ": " + getPermissionStringList(authorization) + " on "
                + getResourceName(authorization.getResourceType()) + " " + authorization.getResourceId();
    }

    private void record(AuditAction action, String targetType, String targetId, String detail) {
        if (action != null) {
            audit.get().record(action, targetType, targetId, detail);
        }
    }

    private static AuditAction createdChangedOrDeleted(String operation, AuditAction created, AuditAction changed,
                                                      AuditAction deleted) {
        return switch (operation) {
            case OPERATION_TYPE_CREATE -> created;
            case OPERATION_TYPE_UPDATE -> changed;
            case OPERATION_TYPE_DELETE -> deleted;
            default -> null;
        };
    }
}

package io.flowdesk.security;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

import java.util.Objects;

/**
 * Grants made inside an engine command, in its transaction. A grant the command has already made to the same
 * user or group on the same resource takes the new permissions; the database is asked for an existing grant only
 * when the resource is not new in this command (a task or process instance created in the command cannot have one).
 * Camunda's own provider asks the database every time: a select per candidate group and assignee of every task.
 */
final class EngineGrants {

    private EngineGrants() {
    }

    /** True if the entity was created in the current command and is not stored yet. */
    static boolean isNew(DbEntity entity) {
        return entity != null && Context.getCommandContext().getDbEntityManager().getDbEntityCache().isTransient(entity);
    }

    /**
     * The grant to save, or null when the permissions went into a grant this command has not stored yet (the
     * engine stores that one with them).
     */
    static AuthorizationEntity grant(boolean resourceIsNew, String userId, String groupId, Resource resource,
                                     String resourceId, Permission... permissions) {
        CommandContext commandContext = Context.getCommandContext();
        AuthorizationEntity made = madeInThisCommand(userId, groupId, resource, resourceId);
        if (made != null) {
            add(made, permissions);
            return commandContext.getDbEntityManager().getDbEntityCache().isTransient(made) ? null : made;
        }
        AuthorizationEntity existing = resourceIsNew ? null : stored(userId, groupId, resource, resourceId);
        if (existing != null) {
            add(existing, permissions);
            return existing;
        }
        AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(userId);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        add(grant, permissions);
        return grant;
    }

    /** Stores grants made outside a provider callback (the engine stores what its providers return). */
    static void save(AuthorizationEntity grant) {
        if (grant == null) {
            return;
        }
        CommandContext commandContext = Context.getCommandContext();
        commandContext.runWithoutAuthorization(() -> {
            if (grant.getId() == null) {
                commandContext.getAuthorizationManager().insert(grant);
            } else {
                commandContext.getAuthorizationManager().update(grant);
            }
            return null;
        });
    }

    /** Takes a grant back, if there is one (made in this command or stored). */
    static void revoke(String userId, String groupId, Resource resource, String resourceId) {
        CommandContext commandContext = Context.getCommandContext();
        AuthorizationEntity grant = find(userId, groupId, resource, resourceId);
        if (grant != null) {
            commandContext.runWithoutAuthorization(() -> {
                commandContext.getAuthorizationManager().delete(grant);
                return null;
            });
        }
    }

    /** The grant to the user or group on the resource: made in this command, else stored. */
    static AuthorizationEntity find(String userId, String groupId, Resource resource, String resourceId) {
        return find(false, userId, groupId, resource, resourceId);
    }

    /** The same; the database is not asked when the resource is new in this command (it cannot have one stored). */
    static AuthorizationEntity find(boolean resourceIsNew, String userId, String groupId, Resource resource,
                                    String resourceId) {
        AuthorizationEntity made = madeInThisCommand(userId, groupId, resource, resourceId);
        return made != null || resourceIsNew ? made : stored(userId, groupId, resource, resourceId);
    }

    private static AuthorizationEntity madeInThisCommand(String userId, String groupId, Resource resource,
                                                         String resourceId) {
        return Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)
                .stream().filter(made -> isSameGrant(made, userId, groupId, resource, resourceId))
                .findFirst().orElse(null);
    }

    private static AuthorizationEntity stored(String userId, String groupId, Resource resource, String resourceId) {
        return Context.getCommandContext().getAuthorizationManager()
                .findAuthorization(Authorization.AUTH_TYPE_GRANT, userId, groupId, resource, resourceId);
    }

    private static boolean isSameGrant(AuthorizationEntity grant, String userId, String groupId, Resource resource,
                                       String resourceId) {
        return grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                && Objects.equals(grant.getUserId(), userId) && Objects.equals(grant.getGroupId(), groupId)
                && grant.getResourceType() == resource.resourceType()
                && Objects.equals(grant.getResourceId(), resourceId);
    }

    private static void add(AuthorizationEntity grant, Permission... permissions) {
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
    }
}

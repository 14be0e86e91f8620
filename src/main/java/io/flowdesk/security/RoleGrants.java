package io.flowdesk.security;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;

import java.util.List;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

/**
 * What each role may do beyond single tickets, as grants to its group on all resources of a kind ({@code *}). The
 * tickets themselves are granted one by one: a task to the group it is offered to
 * ({@link DepartmentAuthorizationProvider}), a ticket's process and history to the departments that hold or held it
 * ({@link TicketGrants}). Administrators ({@code camunda-admin}) get everything from Camunda itself.
 */
final class RoleGrants {

    /** All resources of a kind, or one of them. */
    record Grant(Resource resource, String resourceId, Permission... permissions) {
    }

    private static final List<Grant> AGENT = List.of(
            new Grant(APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.CREATE_INSTANCE),
            new Grant(PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE));

    private static final List<Grant> SUPERVISOR = List.of(
            new Grant(APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.CREATE_INSTANCE),
            new Grant(PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE),
            new Grant(USER, Authorization.ANY, Permissions.READ),
            new Grant(GROUP, Authorization.ANY, Permissions.READ));

    private static final List<Grant> MANAGER = List.of(
            new Grant(APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.CREATE_INSTANCE,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                    ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE),
            new Grant(PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE),
            new Grant(DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY),
            new Grant(DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ),
            new Grant(DEPLOYMENT, Authorization.ANY, Permissions.READ),
            new Grant(USER, Authorization.ANY, Permissions.READ),
            new Grant(GROUP, Authorization.ANY, Permissions.READ));

    /**
     * Models and how they ran, not what customers wrote: process history without variables (history level
     * {@code tasks} keeps none; at levels that do, Camunda checks a variable permission apart, see
     * {@link SecurityPlugin}), decision tables without their evaluations (whose inputs carry the customer's text),
     * no tickets, no tasks.
     */
    private static final List<Grant> ANALYST = List.of(
            new Grant(APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(DEPLOYMENT, Authorization.ANY, Permissions.CREATE, Permissions.READ),
            new Grant(PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, ProcessDefinitionPermissions.READ_HISTORY),
            new Grant(DECISION_DEFINITION, Authorization.ANY, Permissions.READ),
            new Grant(DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ));

    private static final List<Grant> INTEGRATION = List.of(
            new Grant(PROCESS_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.CREATE_INSTANCE),
            new Grant(PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE));

    private RoleGrants() {
    }

    /** The grants of the role a group stands for (administrators: none, Camunda gives them everything). */
    static List<Grant> of(String groupId) {
        return switch (groupId) {
            case Roles.ADMINISTRATORS -> List.of();
            case Roles.MANAGERS -> MANAGER;
            case Roles.ANALYSTS -> ANALYST;
            case Roles.INTEGRATIONS -> INTEGRATION;
            default -> Roles.supervisedDepartment(groupId).isPresent() ? SUPERVISOR : AGENT;
        };
    }
}

package io.flowdesk.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an audit entry records. Its target names what was acted on: {@code user tom}, {@code ticket TK-000012}. */
public enum AuditAction {

    /** A process, decision or form definition deployed: target {@code process-definition inquiry:3}. */
    MODEL_DEPLOYED,
    /** A deployment deleted, with the definitions in it (cascading: with their tickets' processes). */
    DEPLOYMENT_DELETED,
    /** An agent's skills, capacity or availability (PUT /api/agents/{userId}): old → new. */
    AGENT_PROFILE_CHANGED,
    USER_CREATED,
    /** A user's name or e-mail. */
    USER_CHANGED,
    /** A user's password set anew (never the password itself). */
    PASSWORD_CHANGED,
    /** A user locked by failed logins let in again before the lock ran out. */
    USER_UNLOCKED,
    USER_DELETED,
    GROUP_CREATED,
    GROUP_CHANGED,
    GROUP_DELETED,
    /** A user added to a group: target the group, detail the user. */
    MEMBERSHIP_ADDED,
    MEMBERSHIP_REMOVED,
    /**
     * A Camunda authorization made, changed or deleted in Admin or engine REST (not the grants the engine makes
     * itself for each new task or ticket). Camunda's authorizations are grants, revokes or global ones: the detail
     * says which, to whom, which permissions on which resource.
     */
    AUTHORIZATION_CREATED,
    AUTHORIZATION_CHANGED,
    AUTHORIZATION_DELETED,
    /** A ticket handed to another department: from → to, and the reason. */
    TICKET_TRANSFERRED,
    /** A task's assignee changed by someone other than the agent who takes or returns it: from → to. */
    TASK_REASSIGNED,
    /** An outgoing webhook registered: target {@code webhook <id>}, detail its URL and events. */
    WEBHOOK_CREATED,
    WEBHOOK_DELETED,
    /** A password check that failed: target the user id tried. */
    LOGIN_FAILED,
    /** A request refused by the access rules: a 403, or a 404 for a ticket the user may not see. */
    ACCESS_REFUSED;

    /** The action named, in any case, if there is one. */
    public static Optional<AuditAction> named(String name) {
        return Arrays.stream(values()).filter(action -> action.name().equals(name.strip().toUpperCase(Locale.ROOT)))
                .findFirst();
    }
}

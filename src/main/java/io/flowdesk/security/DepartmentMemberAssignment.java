package io.flowdesk.security;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A task assigned to a member of a group it is offered to, as routing picked them from that group's members in the
 * command that creates the task: the group's grant on the task already lets them read and work it, so they get no
 * grant of their own (one grant row less for every routed task; {@link DepartmentAuthorizationProvider}). An agent
 * who leaves the department no longer sees a task that was assigned this way; one assigned by hand, by a claim or a
 * transfer gets their own grant as in Camunda.
 */
public final class DepartmentMemberAssignment {

    private static final ThreadLocal<String> ASSIGNING = new ThreadLocal<>();

    private DepartmentMemberAssignment() {
    }

    /** Assigns the task to the member of its candidate group that routing picked. */
    public static void assign(DelegateTask task, String member) {
        ASSIGNING.set(member);
        try {
            task.setAssignee(member);
        } finally {
            ASSIGNING.remove();
        }
    }

    /** Whether the user is being assigned by {@link #assign} right now. */
    static boolean isAssigning(String userId) {
        return userId != null && userId.equals(ASSIGNING.get());
    }
}

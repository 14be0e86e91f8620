package io.flowdesk.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is asking, with what their groups make of them: the departments whose tickets they may see (their own, and
 * those they supervise), and their roles.
 */
public record Viewer(String userId, List<String> groups) {

    public Viewer {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** Administrators and managers read every ticket. */
    public boolean seesAllTickets() {
        return groups.contains(Roles.ADMINISTRATORS) || groups.contains(Roles.MANAGERS);
    }

    public boolean isAdministrator() {
        return groups.contains(Roles.ADMINISTRATORS);
    }

    /** A system that opens tickets and reads those it opened (and nothing else). */
    public boolean isIntegration() {
        return groups.contains(Roles.INTEGRATIONS);
    }

    public boolean isAnalyst() {
        return groups.contains(Roles.ANALYSTS);
    }

    /** Supervises at least one department. */
    public boolean isSupervisor() {
        return groups.stream().anyMatch(group -> Roles.supervisedDepartment(group).isPresent());
    }

    public boolean supervises(String department) {
        return groups.contains(Roles.supervisorsOf(department));
    }

    /** The departments whose tickets this viewer sees: those they work in and those they supervise. */
    public Set<String> departments() {
        Set<String> departments = new LinkedHashSet<>();
        for (String group : groups) {
            if (Roles.isDepartment(group)) {
                departments.add(group);
            }
            Roles.supervisedDepartment(group).ifPresent(departments::add);
        }
        return departments;
    }

    /** May open tickets: every role but the analysts'. */
    public boolean mayOpenTickets() {
        return seesAllTickets() || isIntegration() || !departments().isEmpty();
    }
}

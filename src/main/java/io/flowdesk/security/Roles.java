package io.flowdesk.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flowdesk's roles are Camunda groups, granted in Camunda Admin by adding a user to the group:
 * <ul>
 *   <li>a <b>department</b> (any group that is not one of the role groups below, e.g. {@code support}): its members
 *       are its agents, who see and work the tickets the department holds or has held;</li>
 *   <li>{@code <department>-supervisors} (e.g. {@code support-supervisors}): that department's supervisors, who read
 *       and reassign its tickets and work its escalations;</li>
 *   <li>{@value #MANAGERS}: read every ticket and work second-level escalations;</li>
 *   <li>{@value #ANALYSTS}: deploy models and read process history, but no customer data;</li>
 *   <li>{@value #INTEGRATIONS}: systems that open tickets and read the ones they opened;</li>
 *   <li>{@value #ADMINISTRATORS}: everything (Camunda's own administrators' group).</li>
 * </ul>
 */
public final class Roles {

    public static final String ADMINISTRATORS = "camunda-admin";
    public static final String MANAGERS = "managers";
    public static final String ANALYSTS = "analysts";
    public static final String INTEGRATIONS = "integrations";
    public static final String SUPERVISORS_SUFFIX = "-supervisors";

    private static final Set<String> ROLE_GROUPS = Set.of(ADMINISTRATORS, MANAGERS, ANALYSTS, INTEGRATIONS);

    private Roles() {
    }

    /** A group whose members are agents of a department (every group that is not a role's). */
    public static boolean isDepartment(String groupId) {
        return groupId != null && !ROLE_GROUPS.contains(groupId) && supervisedDepartment(groupId).isEmpty();
    }

    /** The group of the department's supervisors: {@code support} → {@code support-supervisors}. */
    public static String supervisorsOf(String department) {
        return department + SUPERVISORS_SUFFIX;
    }

    /** The groups that see what a department holds: the department and its supervisors. */
    public static List<String> withSupervisors(String department) {
        return List.of(department, supervisorsOf(department));
    }

    /** The department a supervisors' group supervises: {@code support-supervisors} → {@code support}. */
    public static Optional<String> supervisedDepartment(String groupId) {
        if (groupId.endsWith(SUPERVISORS_SUFFIX) && groupId.length() > SUPERVISORS_SUFFIX.length()) {
            return Optional.of(groupId.substring(0, groupId.length() - SUPERVISORS_SUFFIX.length()));
        }
        return Optional.empty();
    }
}

package io.flowdesk.common;

import org.camunda.bpm.engine.authorization.Resources;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The grants on whole resource types ({@code *}) and on resources that are not one ticket's (a process definition,
 * a group, a filter), kept for a few seconds instead of read in every check.
 * <p>
 * A task completion is checked twice (the lookup may read the task, the submit may work it), and each check needs
 * the rows of the task, of its process definition and of {@code *}. The task's rows are few and found by one probe of
 * the resource-id index; those of the definition and of {@code *} are the same for every task of every ticket and
 * change only when an administrator changes a role's rights or a department appears. Reading them with the task's
 * took a union of three index ranges over the user's and groups' grants, three to five times the time of the probe.
 * <p>
 * A change this node makes (a grant, a revoke, a deleted user or group) forgets what is kept when it is made and
 * again when its transaction ends, so that no check sees the rows of before a change that committed here. One made
 * through another node holds here within {@value #SECONDS} seconds, as the set of groups with grants
 * ({@link AuthorizedGroups}).
 */
final class TypeGrants {

    static final int SECONDS = 10;
    /** The resources of one ticket: their grants are read by id in each check, never kept. */
    private static final Set<Integer> INSTANCE_TYPES = Set.of(Resources.TASK.resourceType(),
            Resources.PROCESS_INSTANCE.resourceType(), Resources.HISTORIC_TASK.resourceType(),
            Resources.HISTORIC_PROCESS_INSTANCE.resourceType());

    private final KeptValues<Resource, List<GrantRow>> rows = new KeptValues<>(Duration.ofSeconds(SECONDS), 10_000);

    /** A resource type and id whose rows are kept. */
    record Resource(int type, String id) {
    }

    /** True if the rows of the resource are kept here, false if they are read in each check. */
    static boolean isKept(int resourceType, String resourceId) {
        return PermissionDecision.ALL.equals(resourceId) || !INSTANCE_TYPES.contains(resourceType);
    }

    /** Every row on the resource (to anyone), read by {@code read} if not kept. */
    List<GrantRow> of(Resource resource, Supplier<List<GrantRow>> read) {
        return rows.get(resource, key -> List.copyOf(read.get()));
    }

    void forget() {
        rows.forgetAll();
    }
}

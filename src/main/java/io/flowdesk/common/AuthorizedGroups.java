package io.flowdesk.common;


import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The groups that hold any grant, read once every few seconds instead of in every command that checks a user.
 * <p>
 * Before each authorization check Camunda narrows the user's groups to those that appear in its authorization table
 * ({@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}), once per command: with authorization checks on, one
 * more statement in every engine REST and Tasklist call, two per task completion (the lookup and the submit). The
 * set changes only when a group gets its first grant (a new group, a new department): a grant this node makes to
 * a group not in the set forgets it when the grant commits. Kept for {@value #SECONDS} seconds otherwise, for grants
 * made through another node: a group left out meanwhile is left out of its members' checks, which can only refuse
 * them something, never grant it.
 */
final class AuthorizedGroups {

    static final int SECONDS = 10;
    private static final String KEY = "authorized groups";

    private final KeptValues<String, Set<String>> groups = new KeptValues<>(Duration.ofSeconds(SECONDS), 1);

    /** The set, read by {@code read} if not kept. */
    Set<String> get(Supplier<Set<String>> read) {
        return groups.get(KEY, key -> read.get());
    }

    /** True if the group is known to hold no grant yet (a grant to it must make the set be read again). */
    boolean isNew(String groupId) {
        Set<String> known = groups.getIfPresent(KEY);
        return groupId != null && known != null && !known.contains(groupId);
    }

    void forget() {
        groups.forgetAll();
    }
}

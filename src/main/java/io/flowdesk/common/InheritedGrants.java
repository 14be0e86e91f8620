package io.flowdesk.common;

import java.util.List;

/**
 * Grants a user holds through a group they are not a member of: the engine's authorization checks (queries and
 * command checks alike) count the grants of the groups {@link #groupsHeld} adds as the user's own, with the
 * permissions {@link #permissions} gives. Flowdesk's roles use it so that a department's supervisors hold what their
 * department holds, without a grant row of their own on every ticket and task (io.flowdesk.security). None by
 * default: the user's own groups only.
 */
public interface InheritedGrants {

    InheritedGrants NONE = new InheritedGrants() {
        @Override
        public List<String> groupsHeld(List<String> groupIds) {
            return groupIds;
        }

        @Override
        public int permissions(int resourceType, String groupId, int perms, List<String> groupIds) {
            return perms;
        }
    };

    /** The user's groups and those whose grants they hold besides (the given list if none). */
    List<String> groupsHeld(List<String> groupIds);

    /**
     * The permission bits a grant of {@code groupId} on a resource of the type gives a member of {@code groupIds}
     * (the user's own groups): its own {@code perms}, or more.
     */
    int permissions(int resourceType, String groupId, int perms, List<String> groupIds);
}

package io.flowdesk.common;

/**
 * A row of Camunda's authorization table ({@code ACT_RU_AUTHORIZATION}) as a permission check reads it: type 0 (for
 * everyone), 1 (grant) or 2 (revoke), to a user or a group, on a resource (its id or {@code *}), with permission bits.
 */
record GrantRow(int type, String userId, String groupId, int resourceType, String resourceId, int perms) {
}

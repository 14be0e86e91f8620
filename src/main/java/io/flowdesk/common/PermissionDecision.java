package io.flowdesk.common;

import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Camunda's answer to "may this user do this", worked out from the grants that could bear on it.
 * <p>
 * Camunda asks the database with one statement per check ({@code isUserAuthorizedForResource} in its
 * Authorization.xml): for every atomic check a cascade of twelve {@code EXISTS} subqueries, so that a task completion's
 * check (work on the task, or on its process definition: four atomic checks) is a statement of 9,000 characters with
 * 48 subqueries, parsed by the JDBC driver and by the database every time. This class follows that statement's rules
 * to the letter on the rows it would have looked at ({@link GrantRow}, read by one short statement):
 * <ol>
 *   <li>for an atomic check, the first of these that exists decides: a grant to the user on the resource (1), a
 *       revoke of the user's on it (0), a grant to the user on all resources of the type ({@code *}) (1), a revoke on
 *       all (0); the same four for the user's groups, then for everyone (global authorizations); else the check's
 *       "not found" value (none: no answer). Revokes count only where revoke checks are on, the resource's own rows
 *       only where the check names a resource other than {@code *}, and groups only where the user has any;</li>
 *   <li>a grant holds every permission bit asked for, a revoke row (and a global row read as a revoke) lacks one;</li>
 *   <li>several atomic checks "or"ed: the first that has an answer decides (a revoke on the task is not outweighed by
 *       a grant on its process definition), none: denied; "and"ed: each must answer 1.</li>
 * </ol>
 * Other shapes (a check against a query column, composite checks) get no answer here: the engine's own statement
 * decides those.
 */
final class PermissionDecision {

    static final String ALL = "*";
    static final int GLOBAL = 0;
    static final int GRANT = 1;
    static final int REVOKE = 2;

    private final String userId;
    private final boolean hasGroups;
    private final boolean revokes;
    /** The rows by resource type and id: a check looks at the few rows of its resource and of '*'. */
    private final Map<Resource, List<GrantRow>> rows = new HashMap<>();

    /** A resource type and id (the id's hash is the string's own, computed once: no key built per look). */
    private record Resource(int type, String id) {
    }

    /**
     * @param rows the rows on {@link #resourceTypes} and {@link #resourceIds} granted or revoked to the user, to one
     *             of their groups or to everyone (more do no harm)
     */
    PermissionDecision(String userId, boolean hasGroups, boolean revokes, List<GrantRow> rows) {
        this.userId = userId;
        this.hasGroups = hasGroups;
        this.revokes = revokes;
        rows.forEach(row -> this.rows.computeIfAbsent(new Resource(row.resourceType(), row.resourceId()),
                key -> new ArrayList<>(2)).add(row));
    }

    /** True if this class decides the check (else the engine's statement must). */
    static boolean decides(CompositePermissionCheck check) {
        return check.getCompositeChecks().isEmpty() && !check.getAtomicChecks().isEmpty()
                && check.getAtomicChecks().stream().allMatch(PermissionDecision::decides);
    }

    private static boolean decides(PermissionCheck check) {
        return check.getResourceIdQueryParam() == null && check.getResource() != null;
    }

    /** The resource types whose rows the decisions need. */
    static Set<Integer> resourceTypes(List<CompositePermissionCheck> checks) {
        Set<Integer> types = new LinkedHashSet<>();
        checks.forEach(check -> check.getAllPermissionChecks().forEach(atomic -> types.add(atomic.getResourceType())));
        return types;
    }

    /** The resource ids whose rows the decisions need: those named and {@code *}. */
    static Set<String> resourceIds(List<CompositePermissionCheck> checks) {
        Set<String> ids = new LinkedHashSet<>();
        checks.forEach(check -> check.getAllPermissionChecks().stream().map(PermissionCheck::getResourceId)
                .filter(Objects::nonNull).forEach(ids::add));
        ids.add(ALL);
        return ids;
    }

    /** Camunda's answer: true only where its statement answers 1. */
    boolean isAuthorized(CompositePermissionCheck check) {
        Long answer = atomics(check);
        return answer != null && answer == 1L;
    }

    private Long atomics(CompositePermissionCheck check) {
        List<PermissionCheck> atomics = check.getAtomicChecks();
        if (atomics.size() == 1) {
            return atomic(atomics.get(0));
        }
        List<Long> answers = new ArrayList<>();
        for (PermissionCheck atomic : atomics) {
            Long answer = atomic(atomic);
            answers.add(check.isDisjunctive() || answer != null ? answer : Long.valueOf(0));
        }
        return combine(check.isDisjunctive(), answers);
    }

    /** "or": the first answer, else 0 (IFNULL(a, IFNULL(b, 0))); "and": the bits all answers share (each 0 if none). */
    private static Long combine(boolean disjunctive, List<Long> answers) {
        if (disjunctive) {
            for (Long answer : answers) {
                if (answer != null) {
                    return answer;
                }
            }
            return 0L;
        }
        long all = -1L;
        for (Long answer : answers) {
            all &= answer;
        }
        return all;
    }

    private Long atomic(PermissionCheck check) {
        boolean ownRows = check.getResourceId() != null && !ALL.equals(check.getResourceId());
        for (Level level : Level.values()) {
            if (level == Level.GROUPS && !hasGroups) {
                continue;
            }
            if (ownRows) {
                Long answer = answer(level, check, check.getResourceId());
                if (answer != null) {
                    return answer;
                }
            }
            Long answer = answer(level, check, ALL);
            if (answer != null) {
                return answer;
            }
        }
        return check.getAuthorizationNotFoundReturnValue();
    }

    private Long answer(Level level, PermissionCheck check, String resourceId) {
        if (exists(level, true, check, resourceId)) {
            return 1L;
        }
        if (revokes && exists(level, false, check, resourceId)) {
            return 0L;
        }
        return null;
    }

    private boolean exists(Level level, boolean grant, PermissionCheck check, String resourceId) {
        int perms = check.getPerms();
        for (GrantRow row : rows.getOrDefault(new Resource(check.getResourceType(), resourceId), List.of())) {
            if (level.holds(row, userId, grant) && ((row.perms() & perms) == perms) == grant) {
                return true;
            }
        }
        return false;
    }

    /** Whose rows, in the order Camunda asks: the user's, the user's groups', everyone's. */
    private enum Level {
        USER {
            @Override
            boolean holds(GrantRow row, String userId, boolean grant) {
                return row.type() == (grant ? GRANT : REVOKE) && userId != null && userId.equals(row.userId());
            }
        },
        GROUPS {
            @Override
            boolean holds(GrantRow row, String userId, boolean grant) {
                // the rows were read for the user's groups only
                return row.type() == (grant ? GRANT : REVOKE) && row.groupId() != null;
            }
        },
        EVERYONE {
            @Override
            boolean holds(GrantRow row, String userId, boolean grant) {
                return row.type() == GLOBAL && ALL.equals(row.userId());
            }
        };

        abstract boolean holds(GrantRow row, String userId, boolean grant);
    }
}

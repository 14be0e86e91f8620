package io.flowdesk.tickettype;

import java.util.List;
import java.util.Map;

/**
 * What a migration of a type's open tickets did (or, in a dry run, would do): how many tickets moved from each older
 * version to the newest, and each ticket that cannot move with Camunda's reasons.
 */
public record MigrationReport(String type, int targetVersion, boolean dryRun, int moved,
                              Map<Integer, Integer> movedFromVersion, int cannotMove, List<Stuck> stuck) {

    /** A ticket that stays on its version, and why. */
    public record Stuck(String ticket, int version, List<String> reasons) {
    }

    static MigrationReport of(String type, int targetVersion, boolean dryRun, Map<Integer, Integer> movedByVersion,
                              List<Stuck> stuck) {
        int moved = movedByVersion.values().stream().mapToInt(Integer::intValue).sum();
        return new MigrationReport(type, targetVersion, dryRun, moved, Map.copyOf(movedByVersion), stuck.size(),
                List.copyOf(stuck));
    }
}

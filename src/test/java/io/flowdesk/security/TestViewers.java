package io.flowdesk.security;

import java.util.List;

/** Viewers for tests that call the services directly, as the API would with these users' groups. */
public final class TestViewers {

    /** Reads every ticket. */
    public static final Viewer ADMIN = new Viewer("admin", List.of(Roles.ADMINISTRATORS, "support", "tech", "finance"));

    /** An agent of support (the demo's alice). */
    public static final Viewer ALICE = new Viewer("alice", List.of("support"));

    private TestViewers() {
    }
}

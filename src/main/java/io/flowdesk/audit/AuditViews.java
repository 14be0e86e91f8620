package io.flowdesk.audit;

import java.time.Instant;
import java.util.List;

/** The audit log as {@code GET /api/audit} shows it. */
final class AuditViews {

    private AuditViews() {
    }

    record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String targetType,
                      String targetId, String detail, String source, String clientAddress) {
    }

    record AuditPage(List<AuditEntry> items, int page, int size, long totalItems, int totalPages) {
    }
}

package io.flowdesk.audit;

import io.flowdesk.common.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;
import java.util.Arrays;

/** List filters of {@code GET /api/audit}; each one given narrows the list, none given lists every entry. */
record AuditFilter(
        @Schema(implementation = AuditAction.class, description = "An action, in any case") @Size(max = 32)
        String action,
        @Size(max = 64) String actor,
        @Size(max = 32) String targetType,
        @Size(max = 255) String targetId,
        @Schema(description = "At or after this instant")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
        @Schema(description = "Before this instant, which is after from")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {

    /** The entries that match: from inclusive, to exclusive. */
    Specification<AuditEvent> matching() {
        if (from != null && to != null && !to.isAfter(from)) {
            throw Problems.badField("to", "must be after from");
        }
        AuditAction named = action == null ? null : AuditAction.named(action).orElseThrow(() ->
                Problems.badField("action", "must be one of " + Arrays.toString(AuditAction.values())));
        return (root, query, cb) -> cb.and(
                named == null ? cb.conjunction() : cb.equal(root.get("action"), named),
                actor == null ? cb.conjunction() : cb.equal(root.get("actor"), actor),
                targetType == null ? cb.conjunction() : cb.equal(root.get("targetType"), targetType),
                targetId == null ? cb.conjunction() : cb.equal(root.get("targetId"), targetId),
                from == null ? cb.conjunction() : cb.greaterThanOrEqualTo(root.get("occurredAt"), from),
                to == null ? cb.conjunction() : cb.lessThan(root.get("occurredAt"), to));
    }
}

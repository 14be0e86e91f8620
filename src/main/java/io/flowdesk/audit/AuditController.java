package io.flowdesk.audit;

import io.flowdesk.audit.AuditViews.AuditEntry;
import io.flowdesk.audit.AuditViews.AuditPage;
import io.flowdesk.common.Problems;
import io.flowdesk.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for administrators: read only, newest first. Nothing here or elsewhere changes an entry. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

    private final AuditEventRepository events;
    private final CurrentUser currentUser;

    AuditController(AuditEventRepository events, CurrentUser currentUser) {
        this.events = events;
        this.currentUser = currentUser;
    }

    @GetMapping
    AuditPage list(@Valid AuditFilter filter, @PageableDefault(size = 20) Pageable pageable) {
        requireAdministrator();
        Page<AuditEntry> page = events.findAll(filter.matching(),
                PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST)).map(AuditEvent::view);
        return new AuditPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }

    @GetMapping("/{id}")
    AuditEntry get(@PathVariable long id) {
        requireAdministrator();
        return events.findById(id).map(AuditEvent::view).orElseThrow(() ->
                Problems.of(HttpStatus.NOT_FOUND, "Audit entry not found", "No audit entry with id " + id));
    }

    private void requireAdministrator() {
        if (!currentUser.viewer().isAdministrator()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed", "Only administrators read the audit log");
        }
    }
}

package io.flowdesk.audit;

import io.flowdesk.audit.AuditViews.AuditEntry;
import io.flowdesk.audit.AuditViews.AuditPage;
import io.flowdesk.common.Problems;
import io.flowdesk.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
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
@Tag(name = "Audit", description = "Who did what: the audit log, for administrators, read only")
class AuditController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));
    private static final String ADMINISTRATORS_ONLY = "Only administrators read the audit log";

    private final AuditEventRepository events;
    private final CurrentUser currentUser;

    AuditController(AuditEventRepository events, CurrentUser currentUser) {
        this.events = events;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(operationId = "listAuditEntries", summary = "Read the audit log",
            description = "The entries that match every filter given, newest first, a page at a time.")
    @ApiResponse(responseCode = "200", description = "A page of entries", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    @Parameter(in = ParameterIn.QUERY, name = "page", description = "The page, from 0",
            schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
    @Parameter(in = ParameterIn.QUERY, name = "size", description = "Entries a page, up to 100 (more counts as 100)",
            schema = @Schema(type = "integer", minimum = "1", defaultValue = "20"))
    AuditPage list(@Valid @ParameterObject AuditFilter filter,
                   @Parameter(hidden = true) @PageableDefault(size = 20) Pageable pageable) { // always newest first
        requireAdministrator();
        Page<AuditEntry> page = events.findAll(filter.matching(),
                PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST)).map(AuditEvent::view);
        return new AuditPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAuditEntry", summary = "Read an audit log entry",
            description = "One entry of the audit log by its id.")
    @ApiResponse(responseCode = "200", description = "The entry", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    @ApiResponse(responseCode = "404", description = "No audit entry of that id")
    AuditEntry get(@PathVariable long id) {
        requireAdministrator();
        return events.findById(id).map(AuditEvent::view).orElseThrow(() ->
                Problems.of(HttpStatus.NOT_FOUND, "Audit entry not found", "No audit entry with id " + id));
    }

    private void requireAdministrator() {
        if (!currentUser.viewer().isAdministrator()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed", ADMINISTRATORS_ONLY);
        }
    }
}

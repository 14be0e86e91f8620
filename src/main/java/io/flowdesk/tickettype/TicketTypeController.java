package io.flowdesk.tickettype;

import io.flowdesk.common.Problems;
import io.flowdesk.security.CurrentUser;
import io.flowdesk.security.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/ticket-types")
@Tag(name = "Ticket types", description = "The kinds of ticket there are, each one a BPMN process, and moving open"
        + " tickets to a type's newest version")
class TicketTypeController {

    private final TicketTypeCatalog catalog;
    private final TicketTypeMigration migration;
    private final CurrentUser currentUser;

    TicketTypeController(TicketTypeCatalog catalog, TicketTypeMigration migration, CurrentUser currentUser) {
        this.catalog = catalog;
        this.migration = migration;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(operationId = "listTicketTypes", summary = "List the ticket types",
            description = "The ticket types in force (the newest version of each), with the custom fields each one"
                    + " declares; a new ticket names one by its key.")
    List<TicketType> list() {
        return catalog.all();
    }

    /**
     * Moves the open tickets of the type to its newest version ({@code dryRun: true}: says what would happen). For
     * analysts, supervisors, managers and administrators: those who answer for how tickets flow.
     */
    @PostMapping("/{key}/migrations")
    @Operation(operationId = "migrateTicketType", summary = "Move open tickets to the type's newest version",
            description = "Moves the open tickets of older versions of the type to its newest version, or with"
                    + " dryRun says what would move and what cannot, changing nothing.")
    @ApiResponse(responseCode = "200", description = "What moved (or would move) and what cannot, with Camunda's"
            + " reasons", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "Only analysts, supervisors, managers and administrators move"
            + " tickets to a new version")
    @ApiResponse(responseCode = "404", description = "No ticket type of that key")
    MigrationReport migrate(@PathVariable String key, @Valid @RequestBody MigrationRequest request) {
        Viewer viewer = currentUser.viewer();
        if (!(viewer.isAnalyst() || viewer.isSupervisor() || viewer.seesAllTickets())) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed",
                    "Only analysts, supervisors, managers and administrators move tickets to a new version");
        }
        return migration.migrate(key, request.dryRun(), viewer.userId());
    }
}

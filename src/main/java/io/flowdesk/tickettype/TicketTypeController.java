package io.flowdesk.tickettype;

import io.flowdesk.common.Problems;
import io.flowdesk.security.CurrentUser;
import io.flowdesk.security.Viewer;
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
    List<TicketType> list() {
        return catalog.all();
    }

    /**
     * Moves the open tickets of the type to its newest version ({@code dryRun: true}: says what would happen). For
     * analysts, supervisors, managers and administrators: those who answer for how tickets flow.
     */
    @PostMapping("/{key}/migrations")
    MigrationReport migrate(@PathVariable String key, @Valid @RequestBody MigrationRequest request) {
        Viewer viewer = currentUser.viewer();
        if (!(viewer.isAnalyst() || viewer.isSupervisor() || viewer.seesAllTickets())) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed",
                    "Only analysts, supervisors, managers and administrators move tickets to a new version");
        }
        return migration.migrate(key, request.dryRun(), viewer.userId());
    }
}

package io.flowdesk.routing;

import io.flowdesk.security.CurrentUser;
import io.flowdesk.security.Viewer;
import io.flowdesk.ticket.TicketQueries;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tickets")
class TransferController {

    private final TicketTransfer transfers;
    private final TicketQueries queries;
    private final CurrentUser currentUser;

    TransferController(TicketTransfer transfers, TicketQueries queries, CurrentUser currentUser) {
        this.transfers = transfers;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    /** A hand-over to another department, e.g. support → tech, with the reason for the timeline. */
    record TransferRequest(@NotBlank @Size(max = 64) String group, @Size(max = 64) String requiredSkill,
                           @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/tickets/{number}/transfer")
    @Operation(operationId = "transferTicket", summary = "Hand the ticket to another department",
            description = "Hands the ticket and its open tasks to another department (a group), optionally to an"
                    + " agent with a skill, with the reason for the timeline and the audit log.")
    @ApiResponse(responseCode = "200", description = "Handed over: the ticket as it is now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "Only the department that holds the ticket, its supervisors and"
            + " managers hand it on")
    @ApiResponse(responseCode = "409", description = "The ticket is finished, there is nothing to hand over; or someone"
            + " changed it at the same moment")
    TicketDetails transfer(@PathVariable String number, @Valid @RequestBody TransferRequest request) {
        String skill = request.requiredSkill() == null || request.requiredSkill().isBlank()
                ? null : request.requiredSkill().strip();
        Viewer viewer = currentUser.viewer();
        transfers.transfer(number, request.group().strip(), skill, request.reason(), viewer);
        return queries.details(number, viewer);
    }
}

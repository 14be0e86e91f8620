package io.flowdesk.routing;

import io.flowdesk.security.CurrentUser;
import io.flowdesk.security.Viewer;
import io.flowdesk.ticket.TicketQueries;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
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
    TicketDetails transfer(@PathVariable String number, @Valid @RequestBody TransferRequest request) {
        String skill = request.requiredSkill() == null || request.requiredSkill().isBlank()
                ? null : request.requiredSkill().strip();
        Viewer viewer = currentUser.viewer();
        transfers.transfer(number, request.group().strip(), skill, request.reason(), viewer);
        return queries.details(number, viewer);
    }
}

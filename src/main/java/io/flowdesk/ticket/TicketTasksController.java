package io.flowdesk.ticket;

import io.flowdesk.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The open tasks of a ticket ({@code currentTasks}), worked as in Tasklist. */
@RestController
@RequestMapping("/api/tickets/{number}/tasks/{taskId}")
@Tag(name = "Ticket tasks", description = "Work the open tasks of a ticket (its currentTasks) as in Tasklist")
@ApiResponse(responseCode = "403", description = "The caller's role does not allow it on this task (giving a task"
        + " back is a supervisor's act), or they may read the ticket but not work on it")
@ApiResponse(responseCode = "404", description = "No such ticket, none the caller may see, or a task that is not open"
        + " on it and never was")
class TicketTasksController {

    private final TicketTasks tasks;
    private final CurrentUser currentUser;

    TicketTasksController(TicketTasks tasks, CurrentUser currentUser) {
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    @PostMapping("/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "claimTask", summary = "Take the task",
            description = "The caller takes the task as its assignee (an agent of one of its candidate groups).")
    @ApiResponse(responseCode = "204", description = "Taken")
    @ApiResponse(responseCode = "409", description = "Someone else holds it (\"Task already claimed by bob\"), it"
            + " was completed or ended already, or someone changed it at the same moment")
    void claim(@PathVariable String number, @PathVariable String taskId) {
        tasks.claim(number, taskId, currentUser.viewer());
    }

    @PostMapping("/unclaim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "unclaimTask", summary = "Give the task back to its group",
            description = "A supervisor's act: the task goes back to its candidate groups' queue, unassigned.")
    @ApiResponse(responseCode = "204", description = "Given back")
    @ApiResponse(responseCode = "409", description = "It was completed or ended already, or someone changed it at"
            + " the same moment")
    void unclaim(@PathVariable String number, @PathVariable String taskId) {
        tasks.unclaim(number, taskId, currentUser.viewer());
    }

    @PostMapping("/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "completeTask", summary = "Complete the task",
            description = "Completes the task as in Tasklist, with the form's fields as variables (strings, numbers,"
                    + " booleans or null; a publicReply or internalNote goes to the timeline). The body is optional.")
    @ApiResponse(responseCode = "204", description = "Completed: the ticket's process has gone on")
    @ApiResponse(responseCode = "409", description = "It was completed or ended already, or completed by someone"
            + " else at the same moment (nothing of this request is then stored)")
    void complete(@PathVariable String number, @PathVariable String taskId,
                  @Valid @RequestBody(required = false) CompleteTaskRequest request) {
        tasks.complete(number, taskId, request == null ? Map.of() : request.engineVariables(), currentUser.viewer());
    }
}

package io.flowdesk.ticket;

import io.flowdesk.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
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
class TicketTasksController {

    private final TicketTasks tasks;
    private final CurrentUser currentUser;

    TicketTasksController(TicketTasks tasks, CurrentUser currentUser) {
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    @PostMapping("/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take the task: 409 if someone else holds it or it was completed already")
    void claim(@PathVariable String number, @PathVariable String taskId) {
        tasks.claim(number, taskId, currentUser.viewer());
    }

    @PostMapping("/unclaim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Give the task back to its group (supervisors): 409 if it was completed already")
    void unclaim(@PathVariable String number, @PathVariable String taskId) {
        tasks.unclaim(number, taskId, currentUser.viewer());
    }

    @PostMapping("/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Complete the task with the form's variables: 409 if it was completed already or by"
            + " someone else at the same moment (nothing of this request is then stored)")
    void complete(@PathVariable String number, @PathVariable String taskId,
                  @Valid @RequestBody(required = false) CompleteTaskRequest request) {
        tasks.complete(number, taskId, request == null ? Map.of() : request.engineVariables(), currentUser.viewer());
    }
}

package io.flowdesk.routing;

import io.flowdesk.common.Problems;
import io.flowdesk.routing.AgentProfiles.AgentView;
import io.flowdesk.security.CurrentUser;
import io.flowdesk.security.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/agents")
@Tag(name = "Agents", description = "Agents' skills, capacity and availability, which routing and assignment go by,"
        + " and their open tasks")
class AgentController {

    private final AgentProfiles agents;
    private final CurrentUser currentUser;

    AgentController(AgentProfiles agents, CurrentUser currentUser) {
        this.agents = agents;
        this.currentUser = currentUser;
    }

    record AgentProfileRequest(
            @NotNull @Size(max = 30) Set<@Pattern(regexp = "^[a-z][a-z0-9_-]{0,63}$",
                    message = "must be a lower-case skill name such as invoice") String> skills,
            @NotNull @Min(1) @Max(1000) Integer capacity,
            @NotNull Boolean available) {
    }

    @GetMapping
    @Operation(operationId = "listAgents", summary = "List the agents",
            description = "Every agent with a profile: groups, skills, capacity, availability and open tasks.")
    List<AgentView> list() {
        return agents.list();
    }

    @PutMapping("/{userId}")
    @Operation(operationId = "updateAgent", summary = "Set an agent's skills, capacity and availability",
            description = "Replaces the agent's profile (one is made for a user who has none); the change is in the"
                    + " audit log.")
    @ApiResponse(responseCode = "200", description = "The agent as now set", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "Only supervisors and administrators change agents' skills,"
            + " capacity and availability")
    @ApiResponse(responseCode = "404", description = "No user of that id")
    AgentView update(@PathVariable String userId, @Valid @RequestBody AgentProfileRequest request) {
        Viewer viewer = currentUser.viewer();
        if (!viewer.isSupervisor() && !viewer.isAdministrator()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed",
                    "Only supervisors and administrators change agents' skills, capacity and availability");
        }
        return agents.update(userId, request.skills(), request.capacity(), request.available());
    }
}

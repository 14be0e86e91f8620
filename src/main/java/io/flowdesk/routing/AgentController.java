package io.flowdesk.routing;

import io.flowdesk.common.Problems;
import io.flowdesk.routing.AgentProfiles.AgentView;
import io.flowdesk.security.CurrentUser;
import io.flowdesk.security.Viewer;
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
class AgentController {

    private final AgentProfiles agents;
    private final CurrentUser currentUser;

    AgentController(AgentProfiles agents, CurrentUser currentUser) {
        this.agents = agents;
        this.currentUser = currentUser;
    }

    record AgentProfileRequest(
            @NotNull @Size(max = 30) Set<@Pattern(regexp = "[a-z][a-z0-9_-]{0,63}",
                    message = "must be a lower-case skill name such as invoice") String> skills,
            @NotNull @Min(1) @Max(1000) Integer capacity,
            @NotNull Boolean available) {
    }

    @GetMapping
    List<AgentView> list() {
        return agents.list();
    }

    @PutMapping("/{userId}")
    AgentView update(@PathVariable String userId, @Valid @RequestBody AgentProfileRequest request) {
        Viewer viewer = currentUser.viewer();
        if (!viewer.isSupervisor() && !viewer.isAdministrator()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed",
                    "Only supervisors and administrators change agents' skills, capacity and availability");
        }
        return agents.update(userId, request.skills(), request.capacity(), request.available());
    }
}

package io.flowdesk.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks the agent for a task of a group: an available member with the required skill and room under their
 * capacity, with the fewest open tasks (ties: alphabetical, so the choice is repeatable). The agent who already
 * has the ticket keeps it while they are available and qualified. Nobody fitting leaves the task in the queue.
 */
@Service
public class WorkloadAssignment {

    private final IdentityService identityService;
    private final AgentProfileRepository profiles;
    private final AgentWorkload workload;
    /** Group membership changes seldom; a new member gets tickets within half a minute. */
    private final Cache<String, List<String>> membersOf = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(1_000).build();

    WorkloadAssignment(IdentityService identityService, AgentProfileRepository profiles, AgentWorkload workload) {
        this.identityService = identityService;
        this.profiles = profiles;
        this.workload = workload;
    }

    public Optional<String> pickAgent(String group, String requiredSkill, String currentAssignee) {
        List<String> members = membersOf.get(group, g -> identityService.createUserQuery().memberOfGroup(g).list()
                .stream().map(User::getId).toList());
        if (members.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AgentProfile> qualified = profiles.findWithSkills(members).stream()
                .filter(profile -> profile.canTake(requiredSkill))
                .collect(Collectors.toMap(AgentProfile::getUserId, Function.identity()));
        if (currentAssignee != null && qualified.containsKey(currentAssignee)) {
            return Optional.of(currentAssignee);
        }
        Map<String, Integer> load = workload.openTasks(qualified.keySet());
        return qualified.values().stream()
                .filter(profile -> load.getOrDefault(profile.getUserId(), 0) < profile.getCapacity())
                .min(Comparator.<AgentProfile>comparingInt(profile -> load.getOrDefault(profile.getUserId(), 0))
                        .thenComparing(AgentProfile::getUserId))
                .map(AgentProfile::getUserId);
    }
}

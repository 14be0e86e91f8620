package io.flowdesk.routing;

import io.flowdesk.common.KeptValues;
import io.flowdesk.engine.WithoutAuthorizationChecks;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Picks the agent for a task of a group: an available member with the required skill and room under their
 * capacity, with the fewest open tasks (ties: alphabetical, so the choice is repeatable). The agent who already
 * has the ticket keeps it while they are available and qualified. Nobody fitting leaves the task in the queue.
 * <p>
 * Who is in a group and what their profiles say is read once and kept for half a minute: every ticket create
 * and task completion routes, and loading profiles with their skills cost more than the rest of the routing.
 * A profile changed through {@link AgentProfiles} is seen by the next task on this node; a group membership
 * changed in the Admin app or on another node, within 30 s. Open-task counts are always read fresh.
 */
@Service
public class WorkloadAssignment {

    private final IdentityService identityService;
    private final AgentProfileRepository profiles;
    private final AgentWorkload workload;
    private final WithoutAuthorizationChecks withoutChecks;
    private final KeptValues<String, List<Agent>> agentsOf = new KeptValues<>(Duration.ofSeconds(30), 1_000);

    WorkloadAssignment(IdentityService identityService, AgentProfileRepository profiles, AgentWorkload workload,
                       WithoutAuthorizationChecks withoutChecks) {
        this.identityService = identityService;
        this.profiles = profiles;
        this.workload = workload;
        this.withoutChecks = withoutChecks;
    }

    /** A group member as routing sees them: a copy of their profile. */
    private record Agent(String userId, Set<String> skills, int capacity, boolean available) {

        boolean canTake(String requiredSkill) {
            return available && (requiredSkill == null || skills.contains(requiredSkill));
        }
    }

    public Optional<String> pickAgent(String group, String requiredSkill, String currentAssignee) {
        Map<String, Agent> qualified = agentsOf.get(group, this::agentsOf).stream()
                .filter(agent -> agent.canTake(requiredSkill))
                .collect(Collectors.toMap(Agent::userId, Function.identity()));
        if (qualified.isEmpty()) {
            return Optional.empty();
        }
        if (currentAssignee != null && qualified.containsKey(currentAssignee)) {
            return Optional.of(currentAssignee);
        }
        Map<String, Integer> load = workload.openTasks(qualified.keySet());
        return qualified.values().stream()
                .filter(agent -> load.getOrDefault(agent.userId(), 0) < agent.capacity())
                .min(Comparator.<Agent>comparingInt(agent -> load.getOrDefault(agent.userId(), 0))
                        .thenComparing(Agent::userId))
                .map(Agent::userId);
    }

    /** Profiles have changed: routing reads them again once the change is committed. */
    void forgetProfiles() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    agentsOf.forgetAll();
                }
            });
        } else {
            agentsOf.forgetAll();
        }
    }

    private List<Agent> agentsOf(String group) {
        // every member, whoever's task or request routes: the engine would show an agent only themselves
        List<String> members = withoutChecks.call(() -> identityService.createUserQuery().memberOfGroup(group).list())
                .stream().map(User::getId).toList();
        if (members.isEmpty()) {
            return List.of();
        }
        return profiles.findWithSkills(members).stream()
                .map(p -> new Agent(p.getUserId(), Set.copyOf(p.getSkills()), p.getCapacity(), p.isAvailable()))
                .toList();
    }
}

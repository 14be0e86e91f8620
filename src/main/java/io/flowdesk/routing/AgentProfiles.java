package io.flowdesk.routing;

import io.flowdesk.audit.AuditAction;
import io.flowdesk.audit.AuditLog;
import io.flowdesk.common.Problems;
import io.flowdesk.engine.WithoutAuthorizationChecks;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Agents' skills, capacity and availability: read by routing, edited by supervisors over the API. */
@Service
@Transactional
public class AgentProfiles {

    private final AgentProfileRepository profiles;
    private final IdentityService identityService;
    private final AgentWorkload workload;
    private final WorkloadAssignment assignment;
    private final WithoutAuthorizationChecks withoutChecks;
    private final AuditLog audit;

    AgentProfiles(AgentProfileRepository profiles, IdentityService identityService, AgentWorkload workload,
                  WorkloadAssignment assignment, WithoutAuthorizationChecks withoutChecks, AuditLog audit) {
        this.profiles = profiles;
        this.identityService = identityService;
        this.workload = workload;
        this.assignment = assignment;
        this.withoutChecks = withoutChecks;
        this.audit = audit;
    }

    public record AgentView(String userId, String name, List<String> groups, Set<String> skills, int capacity,
                            boolean available, int openTasks) {
    }

    @Transactional(readOnly = true)
    public List<AgentView> list() {
        List<AgentProfile> all = profiles.findAll();
        Map<String, Integer> load = workload.openTasks(all.stream().map(AgentProfile::getUserId).toList());
        return all.stream().sorted(Comparator.comparing(AgentProfile::getUserId))
                .map(profile -> view(profile, load.getOrDefault(profile.getUserId(), 0)))
                .toList();
    }

    public AgentView update(String userId, Set<String> skills, int capacity, boolean available) {
        User user = withoutChecks.call(() -> identityService.createUserQuery().userId(userId).singleResult());
        if (user == null) {
            throw Problems.of(HttpStatus.NOT_FOUND, "Agent not found", "No user with id " + userId);
        }
        Optional<AgentProfile> existing = profiles.findById(userId);
        String before = existing.map(AgentProfiles::describe).orElse("no profile");
        AgentProfile profile = existing.orElseGet(() -> new AgentProfile(userId, Set.of(), capacity, available));
        profile.update(skills, capacity, available);
        profiles.save(profile);
        assignment.forgetProfiles();
        String after = describe(profile);
        if (!after.equals(before)) {
            audit.record(AuditAction.AGENT_PROFILE_CHANGED, "user", userId, before + " → " + after);
        }
        return view(profile, workload.openTasks(List.of(userId)).getOrDefault(userId, 0));
    }

    /** Creates a profile for a user who has none; an existing profile is left as it is. */
    public void ensure(String userId, Set<String> skills, int capacity) {
        if (!profiles.existsById(userId)) {
            profiles.save(new AgentProfile(userId, skills, capacity, true));
            assignment.forgetProfiles();
        }
    }

    /** Names and groups as the directory has them: the list is for whoever may call it, not filtered by the engine. */
    private AgentView view(AgentProfile profile, int openTasks) {
        return withoutChecks.call(() -> viewOf(profile, openTasks));
    }

    private AgentView viewOf(AgentProfile profile, int openTasks) {
        User user = identityService.createUserQuery().userId(profile.getUserId()).singleResult();
        String name = user == null ? profile.getUserId()
                : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip();
        List<String> groups = identityService.createGroupQuery().groupMember(profile.getUserId()).list().stream()
                .map(group -> group.getId()).sorted().collect(Collectors.toList());
        return new AgentView(profile.getUserId(), name, groups, Set.copyOf(profile.getSkills()),
                profile.getCapacity(), profile.isAvailable(), openTasks);
    }

    /** A profile as its audit entry shows it: {@code skills invoice, vip; capacity 10; available}. */
    private static String describe(AgentProfile profile) {
        String skills = profile.getSkills().isEmpty() ? "none" : String.join(", ", new TreeSet<>(profile.getSkills()));
        return "skills " + skills + "; capacity " + profile.getCapacity() + "; "
                + (profile.isAvailable() ? "available" : "not available");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

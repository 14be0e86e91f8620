package io.flowdesk.routing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.Set;
import java.util.TreeSet;

/** What routing needs to know about an agent: their skills, how many open tasks they take, and if they work now. */
@Entity
@Table(name = "agent_profile")
public class AgentProfile {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private boolean available;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_skill", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "skill", length = 64)
    private Set<String> skills = new TreeSet<>();

    protected AgentProfile() {
    }

    AgentProfile(String userId, Set<String> skills, int capacity, boolean available) {
        this.userId = userId;
        update(skills, capacity, available);
    }

    void update(Set<String> newSkills, int newCapacity, boolean nowAvailable) {
        skills.clear();
        skills.addAll(newSkills);
        capacity = newCapacity;
        available = nowAvailable;
    }

    public String getUserId() {
        return userId;
    }

    public int getCapacity() {
        return capacity;
    }

    public boolean isAvailable() {
        return available;
    }

    public Set<String> getSkills() {
        return skills;
    }
}

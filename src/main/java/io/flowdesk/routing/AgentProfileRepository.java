package io.flowdesk.routing;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgentProfileRepository extends JpaRepository<AgentProfile, String> {
}

package io.flowdesk.routing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

interface AgentProfileRepository extends JpaRepository<AgentProfile, String> {

    /** The profiles with their skills in one query (not one more per agent). */
    @Query("select distinct p from AgentProfile p left join fetch p.skills where p.userId in :userIds")
    List<AgentProfile> findWithSkills(@Param("userIds") Collection<String> userIds);
}

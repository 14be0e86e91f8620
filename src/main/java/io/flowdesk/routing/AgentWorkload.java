package io.flowdesk.routing;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** How many open tasks each agent holds, counted in one query over the engine's task table. */
@Component
class AgentWorkload {

    private final NamedParameterJdbcTemplate jdbc;

    AgentWorkload(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Integer> openTasks(Collection<String> userIds) {
        Map<String, Integer> load = new HashMap<>();
        if (userIds.isEmpty()) {
            return load;
        }
        jdbc.query("select ASSIGNEE_, count(*) from ACT_RU_TASK where ASSIGNEE_ in (:users) group by ASSIGNEE_",
                Map.of("users", userIds), row -> {
                    load.put(row.getString(1), row.getInt(2));
                });
        return load;
    }
}

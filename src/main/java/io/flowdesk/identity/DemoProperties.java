package io.flowdesk.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/** Demo departments and people, seeded on start-up when enabled. Change their passwords before going live. */
@ConfigurationProperties("flowdesk.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("admin") String administrator,
        List<DemoGroup> groups,
        List<DemoUser> users) {

    public DemoProperties {
        groups = groups == null ? List.of() : groups;
        users = users == null ? List.of() : users;
    }

    public record DemoGroup(String id, String name) {
    }

    public record DemoUser(String id, String firstName, String lastName, String email, String password,
                           List<String> groups, List<String> skills, Integer capacity) {
        public DemoUser {
            groups = groups == null ? List.of() : groups;
            skills = skills == null ? List.of() : skills;
        }
    }
}

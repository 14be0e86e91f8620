package io.flowdesk.database;

import io.flowdesk.database.RunningFlowdesk.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose tickets were opened before Flowdesk had roles (authorization checks off, so no grants were
 * made): after the upgrade, each department finds its open tasks and tickets, and no other department does.
 */
class UpgradeToRolesTest {

    @TempDir
    Path dataDirectory;

    @Test
    void tickets_opened_before_roles_are_granted_to_their_departments_on_the_upgrade() {
        Map<String, Object> database = Map.of("spring.datasource.url",
                "jdbc:h2:file:" + dataDirectory.resolve("flowdesk").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        Map<String, Object> before = new HashMap<>(database);
        before.put("camunda.bpm.authorization.enabled", false);
        String number;
        String task;
        try (RunningFlowdesk flowdesk = RunningFlowdesk.start(before)) {
            Answer created = flowdesk.post("alice", "/api/tickets", """
                    {"type":"inquiry","subject":"发票抬头开错了","description":"请重开发票",
                     "customer":{"name":"王五","email":"upgrade@example.com","tier":"vip"}}""");
            number = created.body().get("number").asText();
            task = created.body().at("/currentTasks/0/id").asText();
            assertThat(created.body().get("group").asText()).isEqualTo("finance");
            // as if the grants migration had not run yet: the upgrade is the next start
            flowdesk.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_ID_ <> '*'"
                    + " and RESOURCE_TYPE_ in (7, 8, 20)");
            // and none of the engine migrations from roles (3) on
            flowdesk.update("delete from \"flyway_engine_history\" where \"version\" not in ('0', '1', '2')");
        }

        try (RunningFlowdesk flowdesk = RunningFlowdesk.start(database)) {
            assertThat(flowdesk.get("fiona", "/engine-rest/task/" + task).status()).isEqualTo(200);
            assertThat(flowdesk.get("fiona", "/engine-rest/process-instance?businessKey=" + number).body()).hasSize(1);
            assertThat(flowdesk.get("fiona", "/engine-rest/history/process-instance?processInstanceBusinessKey="
                    + number).body()).hasSize(1);
            assertThat(flowdesk.get("fiona", "/api/tickets/" + number).status()).isEqualTo(200);
            assertThat(flowdesk.get("tom", "/engine-rest/task/" + task).status()).isEqualTo(404);
            assertThat(flowdesk.get("tom", "/api/tickets/" + number).status()).isEqualTo(404);
        }
    }
}

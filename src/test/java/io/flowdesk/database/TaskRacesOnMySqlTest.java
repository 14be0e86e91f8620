package io.flowdesk.database;

import io.flowdesk.web.SupportDesk;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two agents completing one task at once, on the production profile against MySQL/MariaDB: there the loser meets
 * not only the engine's optimistic lock but deadlocks the database breaks, and rows the winner has just removed.
 * One wins (204), the other hears 409, never 500, on engine REST and on our API alike.
 */
// a production start, with an administrator password of its own and the demo users asked for (read before the
// dynamic properties are: the start's check runs first)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.admin-user.password=" + MySqlDatabaseTest.ADMIN_PASSWORD, "flowdesk.demo.enabled=true"})
@ActiveProfiles({"mysql", "test"})
@EnabledIf("io.flowdesk.database.MySqlDatabaseTest#serverReachableOrRequired")
class TaskRacesOnMySqlTest {

    final SupportDesk desk;

    TaskRacesOnMySqlTest(@Autowired TestRestTemplate http, @Autowired ProcessEngine engine) {
        this.desk = new SupportDesk(http, engine);
    }

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry properties) throws SQLException {
        String url = MySqlDatabaseTest.recreate("flowdesk_races_test");
        properties.add("spring.datasource.url", () -> url);
        properties.add("spring.datasource.username", () -> MySqlDatabaseTest.USER);
        properties.add("spring.datasource.password", () -> MySqlDatabaseTest.PASSWORD);
    }

    @Test
    void on_engine_rest_one_submit_form_wins_and_the_other_gets_a_409() throws Exception {
        List<List<Integer>> rounds = desk.race((task, agent) ->
                desk.post(agent, "/engine-rest/task/" + task.id() + "/submit-form", "{\"variables\":{}}"));

        assertThat(rounds).allSatisfy(round -> assertThat(round).containsExactly(204, 409));
    }

    @Test
    void on_our_api_one_completion_wins_and_the_other_gets_a_409() throws Exception {
        List<List<Integer>> rounds = desk.race((task, agent) ->
                desk.post(agent, "/api/tickets/" + task.number() + "/tasks/" + task.id() + "/complete", ""));

        assertThat(rounds).allSatisfy(round -> assertThat(round).containsExactly(204, 409));
    }
}

package io.flowdesk.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.portal.CustomerInPortal.Answer;
import io.flowdesk.portal.CustomerInPortal.Ticket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The satisfaction survey: a resolved or closed ticket is rated once by its customer (1-5, a comment if they like),
 * and the desk reads the score on the ticket, in its timeline and as a filter of its list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SatisfactionSurveyTest {

    @Autowired TestRestTemplate http;

    @Test
    void a_resolved_ticket_is_rated_once_and_the_desk_reads_the_rating_on_the_ticket_and_in_its_timeline() {
        CustomerInPortal customer = new CustomerInPortal(http);
        DeskAgents desk = new DeskAgents(http);
        Ticket ticket = desk.resolvedFor(customer);
        assertThat(customer.ticket(ticket).json().get("mayRate").asBoolean()).isTrue();

        Answer rated = customer.rate(ticket, "{\"score\":4,\"comment\":\"  处理很快，谢谢 <b>客服</b>  \"}");

        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        assertThat(rated.json().at("/satisfaction/score").asInt()).isEqualTo(4);
        assertThat(rated.json().at("/satisfaction/comment").asText()).isEqualTo("处理很快，谢谢 <b>客服</b>");
        assertThat(rated.json().get("mayRate").asBoolean()).isFalse();
        JsonNode atTheDesk = desk.ticket(ticket.number());
        assertThat(atTheDesk.at("/satisfaction/score").asInt()).isEqualTo(4);
        assertThat(atTheDesk.at("/satisfaction/comment").asText()).isEqualTo("处理很快，谢谢 <b>客服</b>");
        assertThat(atTheDesk.at("/satisfaction/ratedAt").asText()).isNotBlank();
        JsonNode entry = PortalApiTest.entry(atTheDesk, "SATISFACTION_RATED");
        assertThat(entry.get("to").asText()).isEqualTo("4");
        assertThat(entry.get("body").asText()).isEqualTo("处理很快，谢谢 <b>客服</b>");
        assertThat(entry.get("actor").asText()).isEqualTo(customer.email());

        Answer again = customer.rate(ticket, "{\"score\":1}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("title").asText()).isEqualTo("Already rated");
        assertThat(desk.ticket(ticket.number()).at("/satisfaction/score").asInt()).as("unchanged").isEqualTo(4);
        assertThat(PortalApiTest.types(desk.ticket(ticket.number())))
                .filteredOn("SATISFACTION_RATED"::equals).hasSize(1);
    }

    @Test
    void a_closed_ticket_is_rated_too_and_a_comment_is_optional() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = new DeskAgents(http).closedFor(customer);

        Answer rated = customer.rate(ticket, "{\"score\":5}");

        assertThat(rated.status()).isEqualTo(201);
        assertThat(rated.json().at("/satisfaction/score").asInt()).isEqualTo(5);
        assertThat(rated.json().at("/satisfaction").has("comment")).isFalse();
        assertThat(rated.json().get("status").asText()).isEqualTo("closed");
    }

    @Test
    void a_ticket_not_resolved_yet_is_not_rated() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = customer.submitsAQuestion();

        Answer early = customer.rate(ticket, "{\"score\":5}");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("title").asText()).isEqualTo("Not resolved yet");
        assertThat(customer.ticket(ticket).json().has("satisfaction")).isFalse();
        assertThat(new DeskAgents(http).ticket(ticket.number()).has("satisfaction")).isFalse();
    }

    @Test
    void a_score_outside_one_to_five_is_a_400_naming_the_score() {
        CustomerInPortal customer = new CustomerInPortal(http);
        Ticket ticket = new DeskAgents(http).resolvedFor(customer);

        for (String rating : List.of("{\"score\":0}", "{\"score\":6}", "{\"comment\":\"没打分\"}")) {
            Answer refused = customer.rate(ticket, rating);
            assertThat(refused.status()).as(rating).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("score");
        }
        assertThat(customer.ticket(ticket).json().get("mayRate").asBoolean()).isTrue();
    }

    @Test
    void the_desks_list_filters_by_score_and_by_whether_the_customer_rated() {
        CustomerInPortal customer = new CustomerInPortal(http);
        DeskAgents desk = new DeskAgents(http);
        Ticket happy = desk.resolvedFor(customer);
        Ticket unhappy = desk.resolvedFor(customer);
        Ticket silent = desk.resolvedFor(customer);
        customer.rate(happy, "{\"score\":5}");
        customer.rate(unhappy, "{\"score\":2,\"comment\":\"等了太久\"}");
        String mine = "customerEmail=" + customer.email();

        assertThat(numbers(desk.list(mine + "&satisfaction=5"))).containsExactly(happy.number());
        assertThat(numbers(desk.list(mine + "&satisfaction=2"))).containsExactly(unhappy.number());
        assertThat(numbers(desk.list(mine + "&rated=true")))
                .containsExactlyInAnyOrder(happy.number(), unhappy.number());
        assertThat(numbers(desk.list(mine + "&rated=false"))).containsExactly(silent.number());
        assertThat(desk.list(mine + "&satisfaction=2").at("/items/0/satisfaction/comment").asText())
                .isEqualTo("等了太久");
        JsonNode refused = desk.list("satisfaction=6");
        assertThat(refused.at("/errors/0/field").asText()).isEqualTo("satisfaction");
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("items").forEach(item -> numbers.add(item.get("number").asText()));
        return numbers;
    }
}

package io.flowdesk.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 27, item 4: whatever the entry, a new ticket's words fill its custom fields; given ones stay as given. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecognisedFieldsTest {

    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine processEngine;

    @Test
    void a_ticket_from_the_api_gets_the_order_number_phone_and_address_its_customer_wrote() {
        ResponseEntity<JsonNode> created = post("/api/tickets", """
                {"type":"inquiry","subject":"会员积分没有到账","customer":{"name":"李雷"},
                 "description":"订单号：SO-55501。请回电 13912345678，或发到 lilei@example.com",
                 "fields":{"productModel":"P-200"}}""");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode fields = created.getBody().get("fields");
        assertThat(fields.get("orderNumber").asText()).isEqualTo("SO-55501");
        assertThat(fields.get("phoneNumber").asText()).isEqualTo("13912345678");
        assertThat(fields.get("emailAddress").asText()).isEqualTo("lilei@example.com");
        assertThat(fields.get("productModel").asText()).isEqualTo("P-200");
    }

    @Test
    void a_ticket_started_through_engine_rest_too_and_a_given_field_stays() {
        ProcessEngines.registerProcessEngine(processEngine); // engine REST serves the engine registered as "default"
        ResponseEntity<JsonNode> started = post("/engine-rest/process-definition/key/inquiry/start", """
                {"variables":{"subject":{"value":"订单 SO-66602 的发票"},"customerName":{"value":"韩梅梅"},
                  "field.orderNumber":{"value":"SO-66603"}, "description":{"value":"座机 021-61234567"}}}""");

        assertThat(started.getStatusCode().value()).isEqualTo(200);
        JsonNode ticket = http.withBasicAuth("admin", "admin").getForEntity("/api/tickets/"
                + started.getBody().get("businessKey").asText(), JsonNode.class).getBody();
        assertThat(ticket.at("/fields/orderNumber").asText()).isEqualTo("SO-66603");
        assertThat(ticket.at("/fields/phoneNumber").asText()).isEqualTo("021-61234567");
    }

    private ResponseEntity<JsonNode> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("alice", "demo").postForEntity(path, new HttpEntity<>(json, headers),
                JsonNode.class);
    }
}

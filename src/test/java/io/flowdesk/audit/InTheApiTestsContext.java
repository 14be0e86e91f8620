package io.flowdesk.audit;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The audit tests run in the API tests' application (the same configuration as {@code TicketApiTest}: no start of
 * their own), and call it as the demo users do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class InTheApiTestsContext {

    @Autowired TestRestTemplate http;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(http);
    }
}

package io.flowdesk.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowdesk.ticket.TicketsOverHttp;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.Map;

/** The desk working an inquiry from the portal through the agents' API: accepted, answered, resolved, closed. */
final class DeskAgents {

    /** What agents write for their colleagues only: it must never reach the customer. */
    static final String INTERNAL_NOTE = "内部备注 INTERNAL-ONLY 客户是老会员，按规定补发积分";
    static final String PUBLIC_REPLY = "您好，积分已补发到您的账户，请查收。";

    private final TicketsOverHttp api;

    DeskAgents(TestRestTemplate http) {
        this.api = new TicketsOverHttp(http, Map.of("support", "alice", "tech", "tom"));
    }

    /** A question the customer submits and the desk resolves. */
    CustomerInPortal.Ticket resolvedFor(CustomerInPortal customer) {
        CustomerInPortal.Ticket ticket = customer.submitsAQuestion();
        resolve(ticket.number());
        return ticket;
    }

    /** A question the customer submits, the desk resolves and the customer confirms on the phone. */
    CustomerInPortal.Ticket closedFor(CustomerInPortal customer) {
        CustomerInPortal.Ticket ticket = resolvedFor(customer);
        close(ticket.number());
        return ticket;
    }

    /** Accepted with an internal note, handled (another note), answered with a public reply: resolved. */
    void resolve(String number) {
        String group = ticket(number).get("group").asText();
        api.completeWithVariables(number, "acceptInquiry", group,
                "{\"internalNote\":\"" + INTERNAL_NOTE + "\"}");
        api.completeWithVariables(number, "handleInquiry", group,
                "{\"nextStep\":\"reply\",\"internalNote\":\"" + INTERNAL_NOTE + " (2)\"}");
        api.completeWithVariables(number, "replyToCustomer", group, "{\"publicReply\":\"" + PUBLIC_REPLY + "\"}");
    }

    /** The customer confirmed on the phone that it is solved: closed. */
    void close(String number) {
        api.completeWithVariables(number, "confirmResolution", ticket(number).get("group").asText(),
                "{\"customerConfirmation\":\"confirmed\"}");
    }

    /** The ticket as an administrator reads it in the agents' API. */
    JsonNode ticket(String number) {
        return api.ticket("admin", number);
    }

    JsonNode list(String query) {
        return api.get("admin", "/api/tickets?" + query).getBody();
    }
}

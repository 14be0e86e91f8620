package io.flowdesk.ticket;

import io.flowdesk.engine.WithoutAuthorizationChecks;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer writes on their ticket (a mail, the portal), wherever it comes from: it goes into the timeline,
 * and where the ticket's flow waits for the customer (an event subscribed to the message {@value #MESSAGE}, e.g. a
 * boundary event on "等待客户回复") it moves the flow on, with the text as variable
 * {@code latestCustomerMessage} (as when an agent records the answer in that task), in the same transaction. A message on a ticket that waits for nothing is recorded and shown to the agent.
 */
@Service
public class CustomerMessages {

    /** The BPMN message a ticket-type process waits for to hear from its customer (README, the convention). */
    public static final String MESSAGE = "customerReplied";

    private final TicketUpdates updates;
    private final RuntimeService runtimeService;
    private final WithoutAuthorizationChecks withoutChecks;

    CustomerMessages(TicketUpdates updates, RuntimeService runtimeService, WithoutAuthorizationChecks withoutChecks) {
        this.updates = updates;
        this.runtimeService = runtimeService;
        this.withoutChecks = withoutChecks;
    }

    /** Records what the customer wrote; true if it moved a waiting flow on. */
    @Transactional
    public boolean receive(String number, String body, String actor) {
        updates.addCustomerMessage(number, body, actor);
        String processInstanceId = updates.find(number).map(Ticket::getProcessInstanceId).orElse(null);
        if (processInstanceId == null) {
            return false;
        }
        return withoutChecks.call(() -> {
            if (runtimeService.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                    .eventType("message").eventName(MESSAGE).count() == 0) {
                return false;
            }
            runtimeService.createMessageCorrelation(MESSAGE).processInstanceId(processInstanceId)
                    .setVariable(TicketVariables.LATEST_CUSTOMER_MESSAGE, body).correlate();
            return true;
        });
    }
}

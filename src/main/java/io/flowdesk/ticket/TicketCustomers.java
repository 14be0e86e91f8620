package io.flowdesk.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What a BPMN reads of the customer of its ticket, by name instead of by a walk through the ticket's entity:
 * {@code ${ticketCustomers.tier(execution)}} (complaint's approver table weighs the customer's tier). The customer
 * lives in the ticket's row, not in process variables: read when the step runs, so it is the ticket's as it is then.
 * <p>
 * Not {@code ticketCustomer}: that is the name of the customer text task forms get ({@code {{ticketCustomer}}}), and a
 * variable of that name would hide the bean from the expression.
 */
@Component("ticketCustomers")
public class TicketCustomers {

    private final TicketUpdates updates;

    TicketCustomers(TicketUpdates updates) {
        this.updates = updates;
    }

    /** The tier ({@code vip}, {@code standard}, …) of the customer of the ticket whose process (or called step) runs. */
    public String tier(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        return updates.find(number).orElseThrow(() -> new TicketNotFoundException(number)).getCustomer().getTier();
    }
}

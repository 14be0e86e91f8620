package io.flowdesk.ticket;

import io.flowdesk.security.TestViewers;
import io.flowdesk.ticket.TicketViews.TicketDetails;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.data.domain.PageRequest;

import java.util.List;

/** Finds one type's tickets as an administrator: the process of a ticket number, its details, a department's list. */
final class TicketLookup {

    private final String type;
    private final RuntimeService runtimeService;
    private final TicketQueries queries;

    TicketLookup(String type, RuntimeService runtimeService, TicketQueries queries) {
        this.type = type;
        this.runtimeService = runtimeService;
        this.queries = queries;
    }

    ProcessInstance processOf(String number) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(type).singleResult();
    }

    TicketDetails details(String number) {
        return queries.details(number, TestViewers.ADMIN);
    }

    List<String> numbersOf(String group) {
        return queries.search(new TicketFilter(null, type, group, null, null, null, null, null, null, null),
                        PageRequest.of(0, 100), TestViewers.ADMIN)
                .items().stream().map(TicketViews.TicketSummary::number).toList();
    }
}

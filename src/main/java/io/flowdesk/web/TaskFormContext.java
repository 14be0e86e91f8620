package io.flowdesk.web;

import java.util.List;
import java.util.Map;

/**
 * What a task form shows of its ticket beside the fields it asks for, as texts by variable name, for the user of the
 * current request ({@link TaskFormTicketContext} adds them to Tasklist's form variables; the ticket feature knows
 * what they say).
 */
public interface TaskFormContext {

    /** The names of the texts, whether or not a ticket has them. */
    List<String> names();

    /** The texts of that ticket, or none when the current user may not see it (or there is no such ticket). */
    Map<String, String> of(String ticketNumber);
}

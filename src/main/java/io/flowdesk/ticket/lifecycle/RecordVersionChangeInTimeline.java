package io.flowdesk.ticket.lifecycle;

import io.flowdesk.ticket.TicketEventType;
import io.flowdesk.ticket.TicketUpdates;
import io.flowdesk.tickettype.TicketMovedToVersion;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A ticket whose process moved to another version of its type says so in its timeline, in the transaction that
 * moved it (a dry run's rollback takes the entry back with the move).
 */
@Component
class RecordVersionChangeInTimeline {

    private final TicketUpdates updates;

    RecordVersionChangeInTimeline(TicketUpdates updates) {
        this.updates = updates;
    }

    @EventListener
    void record(TicketMovedToVersion moved) {
        if (updates.find(moved.ticketNumber()).isPresent()) {
            updates.note(moved.ticketNumber(), TicketEventType.VERSION_CHANGED, moved.actor(),
                    "流程版本 v" + moved.fromVersion() + " → v" + moved.toVersion()
                            + " (moved to version " + moved.toVersion() + ")");
        }
    }
}

package io.flowdesk.sla;

import io.flowdesk.sla.SlaClocks.Deadline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

/**
 * Due dates for the BPMN's SLA timers: {@code ${slaClock.warningAt(execution, 'resolution')}}, {@code dueAt},
 * {@code secondLevelAt}. A timer is created when its task or subprocess is entered, so after a pause it gets the
 * deadline moved by the paused time.
 */
@Component("slaClock")
public class SlaTimerDates {

    /** A stopped clock has no deadline: its timer is set where it will not fire. */
    static final Date NEVER = Date.from(Instant.parse("9999-01-01T00:00:00Z"));

    private final SlaClocks clocks;

    SlaTimerDates(SlaClocks clocks) {
        this.clocks = clocks;
    }

    public Date warningAt(DelegateExecution execution, String target) {
        return date(execution, target, Deadline.WARNING);
    }

    public Date dueAt(DelegateExecution execution, String target) {
        return date(execution, target, Deadline.DUE);
    }

    public Date secondLevelAt(DelegateExecution execution, String target) {
        return date(execution, target, Deadline.SECOND_LEVEL);
    }

    private Date date(DelegateExecution execution, String target, Deadline kind) {
        Instant deadline = clocks.deadline(execution.getProcessBusinessKey(), SlaTarget.of(target), kind);
        return deadline == null ? NEVER : Date.from(deadline);
    }
}

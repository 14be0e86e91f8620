package io.flowdesk.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code ${startSlaClocks}}: the ticket's SLA clocks start, with the terms of the policy table. */
@Component("startSlaClocks")
class StartSlaClocks implements JavaDelegate {

    private final SlaClocks clocks;

    StartSlaClocks(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clocks.start(execution.getProcessBusinessKey());
    }
}

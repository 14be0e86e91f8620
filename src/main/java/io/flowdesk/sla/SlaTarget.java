package io.flowdesk.sla;

import java.util.Arrays;

/** The clocks a ticket runs against: time to first response and time to resolution. */
public enum SlaTarget {
    FIRST_RESPONSE("firstResponse"),
    RESOLUTION("resolution");

    private final String bpmnName;

    SlaTarget(String bpmnName) {
        this.bpmnName = bpmnName;
    }

    /** The name analysts write in the BPMN (timer expressions, {@code flowdesk.sla.*} properties). */
    public String bpmnName() {
        return bpmnName;
    }

    public static SlaTarget of(String bpmnName) {
        return Arrays.stream(values()).filter(target -> target.bpmnName.equals(bpmnName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown SLA target '" + bpmnName
                        + "'; use firstResponse or resolution"));
    }
}

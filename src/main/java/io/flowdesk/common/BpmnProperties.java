package io.flowdesk.common;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.Optional;

/** Reads the Camunda extension properties an analyst sets in Modeler ("Extension properties" panel). */
public final class BpmnProperties {

    public static final String TICKET_TYPE = "flowdesk.ticketType";
    public static final String DEFAULT_GROUP = "flowdesk.defaultGroup";
    /** The group of a ticket type that declares none. */
    public static final String FALLBACK_GROUP = "support";
    public static final String STATUS = "flowdesk.status";
    public static final String SLA_MET = "flowdesk.sla.met";
    public static final String SLA_PAUSE = "flowdesk.sla.pause";
    public static final String SLA_RESTART = "flowdesk.sla.restart";
    /** On a user task: how it is assigned; {@link #ASSIGNMENT_QUEUE} (never automatically) is the one value. */
    public static final String ASSIGNMENT = "flowdesk.assignment";
    public static final String ASSIGNMENT_QUEUE = "queue";

    private BpmnProperties() {
    }

    public static Optional<String> read(Element element, String name) {
        Element extensions = element.element("extensionElements");
        if (extensions == null) {
            return Optional.empty();
        }
        Element properties = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> name.equals(property.attribute("name")))
                .map(property -> property.attribute("value"))
                .findFirst();
    }
}

package io.flowdesk.tickettype;

import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * One thing a check found in a model: an error rejects the deployment, a warning is logged and the model deploys.
 * The element gives the problem its element id and line; the message starts with the element's kind and id so that
 * a log line reads on its own.
 */
record ConventionFinding(Severity severity, Element element, String message) {

    enum Severity { ERROR, WARNING }

    static ConventionFinding error(Element element, String message) {
        return new ConventionFinding(Severity.ERROR, element, BpmnElements.describe(element) + ": " + message);
    }

    static ConventionFinding warning(Element element, String message) {
        return new ConventionFinding(Severity.WARNING, element, BpmnElements.describe(element) + ": " + message);
    }

    boolean isError() {
        return severity == Severity.ERROR;
    }
}

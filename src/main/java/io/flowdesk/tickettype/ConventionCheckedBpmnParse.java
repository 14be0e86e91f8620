package io.flowdesk.tickettype;

import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's BPMN parse with the ticket-type checks in front. The findings go in as the engine's own parse errors
 * and warnings, so every way of deploying reports them alike: a {@code ParseException} naming the file, element id
 * and line (engine REST: 400 with them in {@code details}, which Modeler shows); warnings go to the log, one line
 * each with the file, element id and line, and the model deploys.
 *
 * <p>Why not a parse listener: a listener is not handed the parse, so it cannot add a problem to it, only throw one;
 * and it runs after Flowdesk's other listeners, one of which already throws on an unknown SLA target with a message
 * that names no element.
 */
class ConventionCheckedBpmnParse extends BpmnParse {

    private static final Logger log = LoggerFactory.getLogger(ConventionCheckedBpmnParse.class);

    ConventionCheckedBpmnParse(BpmnParser parser) {
        super(parser);
    }

    @Override
    protected void parseRootElement() {
        // a deployment that is not new is being read back into the cache: it was accepted once, and a check added
        // since must not make its running tickets unreadable
        if (!deployment.isNew()) {
            super.parseRootElement();
            return;
        }
        for (ConventionFinding finding : TicketTypeChecks.check(rootElement, new DeployedForms(deployment))) {
            if (finding.isError()) {
                addError(finding.message(), finding.element());
            } else {
                addWarning(finding.message(), finding.element()); // logged by the engine (ENGINE-09004), with the file
            }
        }
        if (!hasErrors()) {
            super.parseRootElement();
            return;
        }
        try {
            super.parseRootElement(); // the engine's own errors, reported with ours in one round
        } catch (BpmnParseException engineError) {
            addError(engineError);
        } catch (RuntimeException listenerFailure) {
            // a Flowdesk listener refusing a value reported above; our error already says what to fix
            log.debug("Parse of {} stopped after the ticket-type checks' errors: {}", name, listenerFailure.toString());
        }
    }
}

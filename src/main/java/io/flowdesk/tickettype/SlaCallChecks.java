package io.flowdesk.tickettype;

import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SLA calls in timer dates and expressions: {@code ${slaClock.dueAt(execution, 'resolution')}} on a boundary
 * timer and {@code ${slaEscalation.breach(execution, 'resolution')}} on the task it leads to. A missing or unknown
 * target only fails when the timer is created or fires, long after the deployment, so it is an error here.
 */
final class SlaCallChecks {

    private static final Pattern CALL = Pattern.compile(
            "\\b(" + TicketTypeConvention.SLA_CLOCK_BEAN + "|" + TicketTypeConvention.SLA_ESCALATION_BEAN
                    + ")\\s*\\.\\s*(\\w+)\\s*\\(([^)]*)\\)");
    private static final Set<String> PROSE = Set.of("documentation", "textAnnotation", "text");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

    private SlaCallChecks() {
    }

    static List<ConventionFinding> check(Element process) {
        List<ConventionFinding> findings = new ArrayList<>();
        checkElement(process, findings);
        BpmnElements.allFlowElements(process).forEach(element -> checkElement(element, findings));
        return findings;
    }

    private static void checkElement(Element flowElement, List<ConventionFinding> findings) {
        for (Element part : BpmnElements.ownContent(flowElement)) {
            if (PROSE.contains(part.getTagName())) {
                continue; // an analyst's note may quote a call as an example
            }
            for (String attribute : part.attributes()) {
                checkText(flowElement, part.attribute(attribute), findings);
            }
            checkText(flowElement, part.getText(), findings);
        }
    }

    private static void checkText(Element flowElement, String text, List<ConventionFinding> findings) {
        if (text == null || !text.contains(".")) {
            return;
        }
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            checkCall(flowElement, call.group(0).replaceAll("\\s+", " "), call.group(1), call.group(2),
                    call.group(3), findings);
        }
    }

    private static void checkCall(Element flowElement, String written, String bean, String method, String arguments,
                                  List<ConventionFinding> findings) {
        boolean clock = TicketTypeConvention.SLA_CLOCK_BEAN.equals(bean);
        String what = (clock ? "SLA timer " : "SLA escalation ") + written;
        List<String> methods = clock ? TicketTypeConvention.SLA_CLOCK_METHODS
                : TicketTypeConvention.SLA_ESCALATION_METHODS;
        if (!methods.contains(method)) {
            findings.add(ConventionFinding.error(flowElement, what + " calls no " + bean + " method; use "
                    + String.join(", ", methods)));
            return;
        }
        List<String> args = Arrays.stream(arguments.split(",")).map(String::strip).toList();
        String targets = "'" + String.join("' or '", TicketTypeConvention.SLA_TARGETS) + "'";
        if (args.size() < 2 || args.get(1).isEmpty()) {
            findings.add(ConventionFinding.error(flowElement, what + " names no SLA target; write " + bean + "."
                    + method + "(execution, 'firstResponse') or 'resolution'"));
            return;
        }
        Matcher quoted = QUOTED.matcher(args.get(1));
        if (!quoted.matches()) {
            findings.add(ConventionFinding.warning(flowElement, what + " takes its SLA target from an expression,"
                    + " which cannot be checked before it runs; it must give " + targets));
            return;
        }
        String target = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
        if (!TicketTypeConvention.SLA_TARGETS.contains(target)) {
            findings.add(ConventionFinding.error(flowElement, what + " names '" + target
                    + "', which is no SLA target; use " + targets));
        }
    }
}

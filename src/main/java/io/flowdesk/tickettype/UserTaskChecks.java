package io.flowdesk.tickettype;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * The user tasks of a ticket type: each goes to a group (its department's queue) or an assignee, and its Camunda Form
 * exists. A task whose form is missing opens blank in Tasklist, and one without a group reaches no agent; both are
 * errors. A task without any form may be meant (a plain "done" button) and is a warning.
 */
final class UserTaskChecks {

    private final DeployedForms forms;

    UserTaskChecks(DeployedForms forms) {
        this.forms = forms;
    }

    List<ConventionFinding> check(Element process) {
        List<ConventionFinding> findings = new ArrayList<>();
        for (Element element : BpmnElements.allFlowElements(process)) {
            if (BpmnElements.is(element, "userTask")) {
                checkCandidates(element, findings);
                checkForm(element, findings, true);
            } else if (BpmnElements.is(element, "startEvent")) {
                checkForm(element, findings, false);
            }
        }
        return findings;
    }

    private static void checkCandidates(Element task, List<ConventionFinding> findings) {
        boolean hasCandidates = BpmnElements.camunda(task, "candidateGroups") != null
                || BpmnElements.camunda(task, "assignee") != null
                || task.element("potentialOwner") != null || task.element("humanPerformer") != null;
        if (!hasCandidates) {
            findings.add(ConventionFinding.error(task, "no candidate group, so no agent's queue shows the task;"
                    + " set Candidate groups to ${group} (the ticket's department), another group, or an assignee"
                    + " expression"));
        }
    }

    private void checkForm(Element element, List<ConventionFinding> findings, boolean warnWithoutForm) {
        String formRef = BpmnElements.camunda(element, "formRef");
        if (formRef == null) {
            if (warnWithoutForm && !hasOtherForm(element)) {
                findings.add(ConventionFinding.warning(element, "no form; Tasklist shows the agent only the"
                        + " process variables. Set a Camunda Form from forms/ (Form type: Camunda Forms (linked),"
                        + " binding latest) if that is not meant"));
            }
            return;
        }
        if (formRef.contains("{")) {
            return; // an expression names the form only when the task is created
        }
        String binding = BpmnElements.camunda(element, "formRefBinding");
        String version = BpmnElements.camunda(element, "formRefVersion");
        String fix = "; deploy forms/" + formRef + ".form (a Camunda Form with id " + formRef
                + ") with the process or fix the formRef";
        if ("deployment".equals(binding)) {
            if (!forms.inThisDeployment(formRef)) {
                findings.add(ConventionFinding.error(element, "formRef '" + formRef
                        + "' (binding deployment) names no form of this deployment" + fix));
            }
        } else if ("version".equals(binding) && version != null && version.matches("\\d+")) {
            if (!forms.exists(formRef, Integer.parseInt(version))) {
                findings.add(ConventionFinding.error(element, "formRef '" + formRef + "' version " + version
                        + " names no deployed form" + fix));
            }
        } else if (!forms.exists(formRef)) {
            findings.add(ConventionFinding.error(element, "formRef '" + formRef + "' names no deployed form" + fix));
        }
    }

    /** An embedded or external form ({@code formKey}) or a generated one ({@code camunda:formData}). */
    private static boolean hasOtherForm(Element element) {
        Element extensions = element.element("extensionElements");
        return BpmnElements.camunda(element, "formKey") != null
                || extensions != null && extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formData") != null;
    }
}

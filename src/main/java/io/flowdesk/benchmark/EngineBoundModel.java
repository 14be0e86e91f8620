package io.flowdesk.benchmark;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The "engine bound" copy of a ticket process, made at run time from the real BPMN file: the same elements,
 * timers, listeners and history settings, but nothing of Flowdesk's own: the {@code flowdesk.*} extension
 * properties are removed (so no ticket is opened, no status, SLA or assignment binding is declared), the
 * {@code ${routeTicket}} / {@code ${startSlaClocks}} delegates become a no-op expression and the SLA timers get a
 * fixed date far in the future (they are created and stored like the real ones, but never fire).
 */
final class EngineBoundModel {

    static final String FAR_FUTURE = "2099-12-31T00:00:00";
    static final String NO_OP = "${true}";

    private EngineBoundModel() {
    }

    static BpmnModelInstance bareCopy(InputStream bpmn, String sourceKey, String targetKey) {
        BpmnModelInstance model = Bpmn.readModelFromStream(bpmn);
        Process process = model.getModelElementById(sourceKey);
        if (process == null) {
            throw new IllegalArgumentException("no process " + sourceKey + " in the model");
        }
        // changing the id updates the references to it (the diagram plane)
        process.setId(targetKey);

        List<CamundaProperty> flowdeskProperties = new ArrayList<>();
        for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
            if (property.getCamundaName() != null && property.getCamundaName().startsWith("flowdesk.")) {
                flowdeskProperties.add(property);
            }
        }
        for (CamundaProperty property : flowdeskProperties) {
            property.getParentElement().removeChildElement(property);
        }
        // drop what is left empty, so the copy is as bare as a model without properties
        for (CamundaProperties properties : new ArrayList<>(model.getModelElementsByType(CamundaProperties.class))) {
            if (properties.getCamundaProperties().isEmpty()) {
                properties.getParentElement().removeChildElement(properties);
            }
        }
        for (ExtensionElements extensions : new ArrayList<>(model.getModelElementsByType(ExtensionElements.class))) {
            if (extensions.getElements().isEmpty()) {
                extensions.getParentElement().removeChildElement(extensions);
            }
        }

        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String delegate = task.getCamundaDelegateExpression();
            if (delegate != null) {
                task.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
                task.setCamundaExpression(NO_OP);
            }
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            TimeDate date = timer.getTimeDate();
            if (date != null && date.getTextContent() != null && date.getTextContent().contains("${")) {
                date.setTextContent(FAR_FUTURE);
            }
        }
        Bpmn.validateModel(model);
        return model;
    }
}

package io.flowdesk.web;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.web.context.support.WebApplicationContextUtils;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tasklist's task forms show their ticket's context: when Tasklist reads a task's form variables (the webapps'
 * engine API, {@code GET …/task/{id}/form-variables}, which a Camunda Form is filled from), the variables of a ticket
 * process get the texts of the {@link TaskFormContext} beside them, read from the ticket as the logged-in agent may
 * see it (the webapp's authentication is the engine's for the request). They exist only in that answer: a form shows them in text views, and what it submits (its fields) never
 * contains them. A call that names the variables it wants gets them only if it names them.
 * <p>
 * Registered with the webapps' Jersey applications beside {@link CockpitProcessCounts}; {@code /engine-rest}
 * answers the engine's variables alone.
 */
public class TaskFormTicketContext implements ContainerResponseFilter {

    private static final Pattern FORM_VARIABLES = Pattern.compile("engine/([^/]+)/task/([^/]+)/form-variables/?$");
    private static final String TICKET_NUMBER = "ticketNumber";

    @Context
    private ServletContext servletContext;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Matcher formVariables = FORM_VARIABLES.matcher(request.getUriInfo().getPath());
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !formVariables.find()
                || !(response.getEntity() instanceof Map<?, ?> variables)) {
            return;
        }
        TaskFormContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
                .getBean(TaskFormContext.class);
        List<String> asked = asked(request.getUriInfo().getQueryParameters().getFirst("variableNames"));
        if (asked != null && asked.stream().noneMatch(context.names()::contains)) {
            return;
        }
        String ticketNumber = ticketNumber(variables, formVariables.group(1), formVariables.group(2));
        if (ticketNumber == null) {
            return;
        }
        Map<String, String> texts = context.of(ticketNumber);
        Map<Object, Object> answer = new LinkedHashMap<>(variables);
        texts.forEach((name, text) -> {
            if (asked == null || asked.contains(name)) {
                answer.put(name, VariableValueDto.fromTypedValue(Variables.stringValue(text)));
            }
        });
        response.setEntity(answer);
    }

    /**
     * The ticket's number: its variable, which Tasklist's call (all variables) has; for a call that named others, the
     * same variable read through the task, as the user may (they have just been given the task's variables). A ticket
     * process has it, and so has a shared step it calls with it (customer confirmation, escalation): a user who works
     * such a step's task, a supervisor say, need not be able to read the called process instance itself.
     */
    private static String ticketNumber(Map<?, ?> variables, String engineName, String taskId) {
        if (variables.get(TICKET_NUMBER) instanceof VariableValueDto number && number.getValue() instanceof String n) {
            return n;
        }
        ProcessEngine engine = ProcessEngines.getProcessEngine(engineName);
        return engine != null && engine.getTaskService().getVariable(taskId, TICKET_NUMBER) instanceof String number
                ? number : null;
    }

    private static List<String> asked(String variableNames) {
        return variableNames == null || variableNames.isBlank() ? null
                : Arrays.stream(variableNames.split(",")).map(String::strip).toList();
    }
}

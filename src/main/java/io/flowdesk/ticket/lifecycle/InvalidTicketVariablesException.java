package io.flowdesk.ticket.lifecycle;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A ticket process was started or a task completed with a variable that is not valid for a ticket. It is a
 * form-field validation error to the engine, so that engine REST answers 400 (not 500) and Tasklist shows it
 * at the form.
 */
class InvalidTicketVariablesException extends FormFieldValidationException {

    InvalidTicketVariablesException(String variable, String message) {
        super(variable, "Invalid ticket variables: " + message);
    }
}

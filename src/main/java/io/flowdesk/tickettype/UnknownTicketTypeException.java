package io.flowdesk.tickettype;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

public class UnknownTicketTypeException extends ErrorResponseException {

    public UnknownTicketTypeException(String type, List<String> validTypes) {
        super(HttpStatus.BAD_REQUEST, problem(type, validTypes), null);
    }

    private static ProblemDetail problem(String type, List<String> validTypes) {
        String valid = String.join(", ", validTypes);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Unknown ticket type '" + type + "'; valid types: " + valid);
        problem.setTitle("Unknown ticket type");
        problem.setProperty("errors", List.of(Map.of("field", "type",
                "message", "is not a ticket type; valid types: " + valid)));
        problem.setProperty("validTypes", List.copyOf(validTypes));
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}

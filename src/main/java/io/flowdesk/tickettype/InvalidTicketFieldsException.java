package io.flowdesk.tickettype;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Custom fields that break what their ticket type declares: 400, each field named as {@code fields.<name>}. */
public class InvalidTicketFieldsException extends ErrorResponseException {

    private final Map<String, String> problems;

    public InvalidTicketFieldsException(String type, Map<String, String> problems) {
        super(HttpStatus.BAD_REQUEST, problem(type, problems), null);
        this.problems = Map.copyOf(problems);
    }

    /** Each wrong field by name, and what is wrong with it. */
    public Map<String, String> problems() {
        return problems;
    }

    private static ProblemDetail problem(String type, Map<String, String> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The custom fields do not fit ticket type '" + type + "': " + problems.entrySet().stream()
                        .map(field -> "fields." + field.getKey() + " " + field.getValue()).toList());
        problem.setTitle("Invalid custom fields");
        problem.setProperty("errors", problems.entrySet().stream()
                .map(field -> error("fields." + field.getKey(), field.getValue())).toList());
        return problem;
    }

    /** As the API's other errors name a field: {@code field} first, then {@code message}. */
    private static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}

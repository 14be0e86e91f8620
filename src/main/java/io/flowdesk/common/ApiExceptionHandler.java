package io.flowdesk.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every client error of our REST API into {@code application/problem+json} (RFC 9457) that names the
 * offending field, so that a caller never sees a 500 for bad input.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalidFields(ex);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = mapping instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
                    ? "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants())
                    : "has a value of the wrong type";
            return problem(HttpStatus.BAD_REQUEST, "Invalid request body", field + " " + message,
                    Map.of("errors", List.of(Map.of("field", field, "message", message))));
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The request body is missing or is not valid JSON", Map.of());
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Object> handleBind(BindException ex) {
        return invalidFields(ex);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = "has an invalid value '" + ex.getValue() + "'";
        return problem(HttpStatus.BAD_REQUEST, "Invalid request parameter", ex.getName() + " " + message,
                Map.of("errors", List.of(Map.of("field", ex.getName(), "message", message))));
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ResponseEntity<Object> handleUnknownSortProperty(PropertyReferenceException ex) {
        String message = "cannot sort by '" + ex.getPropertyName() + "'";
        return problem(HttpStatus.BAD_REQUEST, "Invalid request parameter", "sort " + message,
                Map.of("errors", List.of(Map.of("field", "sort", "message", message))));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentChange(OptimisticLockingFailureException ex) {
        return problem(HttpStatus.CONFLICT, "Ticket changed concurrently",
                "Someone changed this ticket at the same moment; nothing of this request was stored, send it again",
                Map.of());
    }

    /** The engine's own check refused the user (a task their role may not assign, say). */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Object> handleRefusedByEngine(AuthorizationException ex) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", ex.getMessage(), Map.of());
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<Object> handleEngineRejection(BadUserRequestException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Request rejected by the workflow", ex.getMessage(), Map.of());
    }

    /** Every problem this handler or a feature's {@code ErrorResponseException} produces goes out as problem+json. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        if (body instanceof ProblemDetail) {
            problemHeaders.setContentType(ProblemJson.MEDIA_TYPE);
        }
        return new ResponseEntity<>(body, problemHeaders, status);
    }

    private ResponseEntity<Object> invalidFields(BindException ex) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", messageOf(error)))
                .toList();
        String detail = errors.stream().map(e -> e.get("field") + " " + e.get("message")).sorted()
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, Map.of("errors", errors));
    }

    private static String messageOf(FieldError error) {
        if (error.isBindingFailure()) {
            return "has an invalid value '" + error.getRejectedValue() + "'";
        }
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String detail,
                                                  Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(ProblemJson.MEDIA_TYPE).body(problem);
    }
}

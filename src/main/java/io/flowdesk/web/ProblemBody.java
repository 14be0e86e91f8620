package io.flowdesk.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import java.util.List;

/**
 * The body of every error answer of {@code /api} as the OpenAPI document describes it: what Spring's
 * {@code ProblemDetail} writes for the problems of {@code common.Problems}, {@code common.ApiExceptionHandler} and the
 * features' own exceptions, and what {@code common.ProblemJson} writes for a refused login. Only documentation: the
 * answers themselves are made there.
 */
@Schema(name = "Problem", description = "An error (RFC 9457 problem details), as application/problem+json")
record ProblemBody(
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri-reference", example = "about:blank",
                description = "about:blank: the title and status say what kind of error it is")
        String type,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Invalid request",
                description = "The kind of error, the same text for every error of its kind")
        String title,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "400", description = "The HTTP status")
        int status,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "subject must not be blank",
                description = "What is wrong with this request, for a person to read")
        String detail,
        @Schema(format = "uri-reference", example = "/api/tickets", description = "The path of the request")
        String instance,
        @Schema(description = "Each field of the request that is wrong (400), named as in the request:"
                + " customer.email, fields.orderNumber, variables.priority, sort")
        List<FieldError> errors,
        @Schema(description = "The ticket types there are (400 for an unknown ticket type)",
                example = "[\"complaint\", \"inquiry\"]")
        List<String> validTypes,
        @Schema(description = "The task the answer is about (404 and 409 of a task action)")
        String taskId) {

    @Schema(name = "FieldError", description = "A field of the request and what is wrong with it")
    record FieldError(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "subject") String field,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "must not be blank") String message) {
    }
}

package io.flowdesk.web;

import io.flowdesk.common.ProblemJson;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The error answers that the operations of {@code /api} share, stated once instead of on every controller method:
 * every operation answers 401 without a valid login (the API's authentication filter), 400 when it takes a body or
 * query parameters (bad JSON, a missing or wrong field), 404 when its path names something that may not exist or may
 * not be the caller's to see. A controller states its own 403 and 409 (and a 404 of its own words) with
 * {@code @ApiResponse}; every error answer, shared or its own, is {@code application/problem+json} of the
 * {@link ProblemBody} schema.
 */
@Component
class ProblemAnswers implements OpenApiCustomizer {

    private static final String SCHEMA = "#/components/schemas/Problem";
    private static final String INVALID = "The request is not valid: malformed JSON, or a value that is missing, too"
            + " long or not one of those allowed; `errors` names each field";
    private static final String UNAUTHORIZED = "No login, or a wrong user or password (HTTP Basic); after a wrong"
            + " password the account's next login waits a few seconds";
    private static final String NOT_FOUND = "Not found: there is none of that name, or none the caller may see (a"
            + " ticket of another department answers as if it did not exist)";

    @Override
    public void customise(OpenAPI openApi) {
        boolean openApi31 = openApi.getSpecVersion() == SpecVersion.V31;
        ModelConverters.getInstance(openApi31).readAll(new AnnotatedType(ProblemBody.class))
                .forEach(openApi.getComponents()::addSchemas);
        openApi.getPaths().forEach((path, item) -> item.readOperations()
                .forEach(operation -> addErrorAnswers(path, operation)));
    }

    private static void addErrorAnswers(String path, Operation operation) {
        ApiResponses answers = operation.getResponses();
        if (takesInput(operation)) {
            answers.putIfAbsent("400", new ApiResponse().description(INVALID));
        }
        answers.putIfAbsent("401", unauthorized());
        if (path.contains("{")) { // a ticket, task, type, agent or entry named in the path
            answers.putIfAbsent("404", new ApiResponse().description(NOT_FOUND));
        }
        answers.forEach((status, answer) -> {
            if (status.startsWith("4")) {
                answer.setContent(new Content().addMediaType(ProblemJson.MEDIA_TYPE.toString(),
                        new MediaType().schema(new Schema<>().$ref(SCHEMA))));
            }
        });
        operation.setResponses(byStatus(answers));
    }

    private static ApiResponse unauthorized() {
        Schema<String> text = new Schema<String>().type("string").types(Set.of("string")); // OpenAPI 3.0 and 3.1
        return new ApiResponse().description(UNAUTHORIZED).addHeaderObject(HttpHeaders.WWW_AUTHENTICATE,
                new Header().required(true).description("Basic realm=\"flowdesk\", charset=\"UTF-8\"").schema(text));
    }

    /** A body, a query parameter or a path parameter that is not plain text (a number): each can be wrong. */
    private static boolean takesInput(Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        return operation.getRequestBody() != null || parameters.stream().anyMatch(parameter ->
                "query".equals(parameter.getIn()) || !isText(parameter.getSchema()));
    }

    private static boolean isText(Schema<?> schema) {
        return schema != null && ("string".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("string"))
                && schema.getFormat() == null && schema.getPattern() == null;
    }

    private static ApiResponses byStatus(ApiResponses answers) {
        ApiResponses sorted = new ApiResponses();
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(answer -> sorted.addApiResponse(answer.getKey(), answer.getValue()));
        return sorted;
    }
}

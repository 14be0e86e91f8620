package io.flowdesk.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs and Swagger UI at /swagger-ui.html ("Authorize" takes a Flowdesk login). The
 * controllers state their operations and the answers of their own; {@link ProblemAnswers} adds the error answers all
 * share. CI sends every call of a tour through a proxy that checks it against this document (.ci/contract/check).
 *
 * <p>The server is this document's own origin ({@code /}): the same document serves wherever Flowdesk runs.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Flowdesk API", version = "v1",
                description = "Tickets of every type, each one a Camunda process. Log in with HTTP Basic as a Flowdesk"
                        + " user (the same account as in Tasklist); what a user may see and do follows their groups."
                        + " An integrating system sends its API key (X-API-Key) instead, and may do what its scopes"
                        + " say."
                        + " Bodies are application/json; every error is application/problem+json (RFC 9457)."),
        servers = @Server(url = "/", description = "The Flowdesk that serves this document"),
        security = {@SecurityRequirement(name = "basicAuth"), @SecurityRequirement(name = "apiKey")})
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-API-Key", description = "An integrating system's key (also as Authorization: Bearer)")
class OpenApiConfiguration {
}

package io.flowdesk.security;

import io.flowdesk.common.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Administrators make, list and revoke the API keys of integrating systems. */
@RestController
@RequestMapping("/api/api-keys")
@Tag(name = "API keys", description = "Integrating systems' keys, separate from agents' logins, for administrators")
class ApiKeyController {

    private static final String ADMINISTRATORS_ONLY = "Only administrators manage API keys";

    private final ApiKeys keys;
    private final CurrentUser currentUser;

    ApiKeyController(ApiKeys keys, CurrentUser currentUser) {
        this.keys = keys;
        this.currentUser = currentUser;
    }

    /** A key to make: the system's name and what it may do. */
    record ApiKeyRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}",
                    message = "must be 1 to 40 lower-case letters, digits and dashes, such as erp or shop-web")
            String name,
            @NotEmpty List<@NotBlank String> scopes) {
    }

    /** A key as the list shows it: never its secret, which only the answer that made it carries. */
    record ApiKeyView(long id, String name, String actsAs, String prefix, List<String> scopes, String createdBy,
                      Instant createdAt, Instant revokedAt, String key) {

        static ApiKeyView of(ApiKey key, String secret) {
            return new ApiKeyView(key.getId(), key.getName(), key.actor(), key.getPrefix(),
                    key.getScopes().stream().map(ApiKeyScope::label).sorted().toList(), key.getCreatedBy(),
                    key.getCreatedAt(), key.getRevokedAt(), secret);
        }
    }

    @PostMapping
    @Operation(operationId = "createApiKey", summary = "Make an API key",
            description = "A key for an integrating system, with what it may do: tickets:create, tickets:read (the"
                    + " tickets it opened), tickets:comment. The answer carries the key this once.")
    @ApiResponse(responseCode = "201", description = "Made: the key, with its secret this once",
            useReturnTypeSchema = true, headers = @Header(name = "Location", description = "The key's URL",
            required = true, schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    @ApiResponse(responseCode = "409", description = "A key of that name exists already")
    ResponseEntity<ApiKeyView> make(@Valid @RequestBody ApiKeyRequest request) {
        requireAdministrator();
        ApiKeys.Made made = keys.make(request.name(), scopes(request.scopes()), currentUser.id());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(made.key().getId()).toUri()).body(ApiKeyView.of(made.key(), made.secret()));
    }

    @GetMapping
    @Operation(operationId = "listApiKeys", summary = "List the API keys",
            description = "Every key made, newest first, revoked ones included; never a secret.")
    @ApiResponse(responseCode = "200", description = "The keys", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    List<ApiKeyView> list() {
        requireAdministrator();
        return keys.list().stream().map(key -> ApiKeyView.of(key, null)).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "The key opens nothing any more: at once on this node, within a minute on the others.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "403", description = ADMINISTRATORS_ONLY)
    ResponseEntity<Void> revoke(@PathVariable long id) {
        requireAdministrator();
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }

    private static Set<ApiKeyScope> scopes(List<String> labels) {
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (String label : labels) {
            try {
                scopes.add(ApiKeyScope.of(label));
            } catch (IllegalArgumentException e) {
                throw Problems.badField("scopes", "must be among " + Arrays.stream(ApiKeyScope.values())
                        .map(ApiKeyScope::label).toList() + ", not " + label);
            }
        }
        return scopes;
    }

    private void requireAdministrator() {
        currentUser.administrator(ADMINISTRATORS_ONLY);
    }
}

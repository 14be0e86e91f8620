package io.flowdesk.security;

import io.flowdesk.common.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
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
class ApiKeyController {

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
    ResponseEntity<ApiKeyView> make(@Valid @RequestBody ApiKeyRequest request) {
        requireAdministrator();
        ApiKeys.Made made = keys.make(request.name(), scopes(request.scopes()), currentUser.id());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(made.key().getId()).toUri()).body(ApiKeyView.of(made.key(), made.secret()));
    }

    @GetMapping
    List<ApiKeyView> list() {
        requireAdministrator();
        return keys.list().stream().map(key -> ApiKeyView.of(key, null)).toList();
    }

    @DeleteMapping("/{id}")
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
        if (!currentUser.viewer().isAdministrator()) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not allowed", "Only administrators manage API keys");
        }
    }
}

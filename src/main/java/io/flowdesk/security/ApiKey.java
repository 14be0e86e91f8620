package io.flowdesk.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** An integrating system's key: its name (who acts), what it may do, and only a digest of the key. */
@Entity
@Table(name = "api_key")
class ApiKey {

    /** The user id a key acts as, in the timeline and for what it may read: {@code system:<name>}. */
    static final String ACTOR_PREFIX = "system:";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String name;

    @Column(name = "key_prefix", nullable = false, length = 12)
    private String prefix;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String hash;

    @Column(nullable = false)
    private String scopes;

    @Column(nullable = false, length = 64)
    private String createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    @Column
    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String name, String prefix, String hash, Set<ApiKeyScope> scopes, String createdBy, Instant createdAt) {
        this.name = name;
        this.prefix = prefix;
        this.hash = hash;
        this.scopes = scopes.stream().map(ApiKeyScope::label).sorted().collect(Collectors.joining(" "));
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getPrefix() {
        return prefix;
    }

    Set<ApiKeyScope> getScopes() {
        return Arrays.stream(scopes.split(" ")).map(ApiKeyScope::of).collect(Collectors.toSet());
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    String actor() {
        return ACTOR_PREFIX + name;
    }
}

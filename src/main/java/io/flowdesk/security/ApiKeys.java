package io.flowdesk.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.flowdesk.common.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Integrating systems' API keys: made by an administrator (the key is shown once; only its SHA-256 is kept), checked
 * on every call (remembered for {@link #REMEMBER}, so a revoked key stops working on every node within that time, on
 * this node at once), revoked, never deleted.
 */
@Service
public class ApiKeys {

    static final String PREFIX = "fdk_";
    static final Duration REMEMBER = Duration.ofSeconds(60);

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<Grant>> checked = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER).maximumSize(10_000).build();

    ApiKeys(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Who a valid key acts as, and what it may do. */
    record Grant(String actor, Set<ApiKeyScope> scopes) {

        boolean allows(String method, String path) {
            return scopes.stream().anyMatch(scope -> scope.allows(method, path));
        }
    }

    /** A new key and, this once, its secret. */
    record Made(ApiKey key, String secret) {
    }

    @Transactional
    Made make(String name, Set<ApiKeyScope> scopes, String createdBy) {
        if (keys.existsByName(name)) {
            throw Problems.of(HttpStatus.CONFLICT, "Name taken", "An API key named " + name + " exists already");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = keys.saveAndFlush(new ApiKey(name, secret.substring(0, 12), sha256(secret), scopes, createdBy,
                clock.instant()));
        return new Made(key, secret);
    }

    @Transactional(readOnly = true)
    List<ApiKey> list() {
        return keys.findAllByOrderByIdDesc();
    }

    @Transactional
    ApiKey revoke(long id) {
        ApiKey key = keys.findById(id).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "API key not found",
                "No API key with id " + id));
        key.revoke(clock.instant());
        checked.invalidateAll();
        return key;
    }

    /** The grant of a key sent with a request, if it is one of ours and not revoked. */
    Optional<Grant> check(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = sha256(secret);
        return checked.get(hash, unknown -> keys.findByHash(hash).filter(key -> key.getRevokedAt() == null)
                .map(key -> new Grant(key.actor(), key.getScopes())));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

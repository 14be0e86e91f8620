package io.flowdesk.security;

import io.flowdesk.common.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * HTTP Basic authentication for {@code /api} and {@code /engine-rest} against Camunda's identity service: the
 * same users and groups that log in to Tasklist. The user and their groups are set as the engine's current
 * authentication for the request, so the engine and our timeline know who acted.
 *
 * <p>A verified login is remembered for a short while (keyed by user and a SHA-256 of the password, never the
 * password itself), so that a client sending the same credentials on every request costs neither a password
 * hash nor a database round trip each time. A changed password or membership takes effect within that time.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";
    private static final String BEARER = "Bearer ";
    static final String API_KEY = "X-API-Key";
    static final Duration REMEMBER_LOGIN = Duration.ofSeconds(60);

    private final IdentityService identityService;
    private final ApiKeys apiKeys;
    private final Cache<String, List<String>> verifiedLogins = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER_LOGIN)
            .maximumSize(10_000)
            .build();

    ApiAuthenticationFilter(IdentityService identityService, ApiKeys apiKeys) {
        this.identityService = identityService;
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String apiKey = apiKeyOf(request);
        if (apiKey != null) {
            withApiKey(apiKey, request, response, chain);
            return;
        }
        String[] credentials = credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
        List<String> groups = credentials == null ? null : verifiedGroups(credentials[0], credentials[1]);
        if (groups == null) {
            reject(response);
            return;
        }
        identityService.setAuthentication(credentials[0], groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * A call of an integrating system with its API key: it acts as {@code system:<name>} in the role integrations
     * (it reads the tickets it opened), on the calls its scopes open; engine REST is for logins only.
     */
    private void withApiKey(String secret, HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
        Optional<ApiKeys.Grant> grant = apiKeys.check(secret);
        if (grant.isEmpty()) {
            reject(response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!grant.get().allows(request.getMethod(), path)) {
            refuse(response, "This API key's scopes " + grant.get().scopes().stream().map(ApiKeyScope::label)
                    .sorted().toList() + " do not include " + request.getMethod() + " " + path);
            return;
        }
        identityService.setAuthentication(grant.get().actor(), List.of(Roles.INTEGRATIONS));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The key of an {@code X-API-Key} header or of {@code Authorization: Bearer}, else null. */
    private static String apiKeyOf(HttpServletRequest request) {
        String header = request.getHeader(API_KEY);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(ProblemJson.MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ProblemJson.of(403, "Not allowed", detail));
    }

    /** The user's groups if the password is right, else null. */
    private List<String> verifiedGroups(String userId, String password) {
        String key = userId + ':' + sha256(password);
        List<String> groups = verifiedLogins.getIfPresent(key);
        if (groups == null && identityService.checkPassword(userId, password)) {
            groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId).toList();
            verifiedLogins.put(key, groups);
        }
        return groups;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String[] credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void reject(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"flowdesk\", charset=\"UTF-8\"");
        response.setContentType(ProblemJson.MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ProblemJson.of(401, "Unauthorized",
                "Log in with HTTP Basic as a Flowdesk user (the same account as in Tasklist), or send an integrating"
                        + " system's API key (X-API-Key)"));
    }
}

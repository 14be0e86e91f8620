package io.flowdesk.security;

import io.flowdesk.common.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * HTTP Basic authentication for {@code /api} against Camunda's identity service: the same users and groups
 * that log in to Tasklist. The user and their groups are set as the engine's current authentication for the
 * request, so the engine and our timeline know who acted.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final IdentityService identityService;

    ApiAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] credentials = credentials(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
            reject(response);
            return;
        }
        String userId = credentials[0];
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
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
                "Log in with HTTP Basic as a Flowdesk user (the same account as in Tasklist)"));
    }
}

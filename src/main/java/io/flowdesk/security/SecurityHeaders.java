package io.flowdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Security headers on every response, set before anything else answers (so a 401 or an error page has them
 * too): no MIME sniffing, no framing by other sites, no referrer to other sites, a content security policy, and
 * HSTS when the request came over HTTPS. Camunda's webapps set their own content security policy (with a nonce for
 * their scripts), so under their paths this filter leaves that header to them.
 */
class SecurityHeaders extends OncePerRequestFilter {

    private final SecurityHeadersProperties headers;
    private final List<String> webappPathsWithTheirOwnPolicy;
    /** null when switched off (max-age 0) */
    private final String strictTransportSecurity;

    /** @param webappPathsWithTheirOwnPolicy path prefixes (after the context path) whose pages Camunda secures */
    SecurityHeaders(SecurityHeadersProperties headers, List<String> webappPathsWithTheirOwnPolicy) {
        this.headers = headers;
        this.webappPathsWithTheirOwnPolicy = List.copyOf(webappPathsWithTheirOwnPolicy);
        long maxAge = headers.strictTransportSecurityMaxAge().toSeconds();
        this.strictTransportSecurity = maxAge > 0 ? "max-age=" + maxAge : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", headers.frameOptions());
        response.setHeader("Referrer-Policy", headers.referrerPolicy());
        if (!hasItsOwnPolicy(request)) {
            response.setHeader("Content-Security-Policy", headers.contentSecurityPolicy());
        }
        if (request.isSecure() && strictTransportSecurity != null) {
            response.setHeader("Strict-Transport-Security", strictTransportSecurity);
        }
        chain.doFilter(request, response);
    }

    private boolean hasItsOwnPolicy(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return webappPathsWithTheirOwnPolicy.stream().anyMatch(path::startsWith);
    }
}

package io.flowdesk.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The portal's own content security policy, in place of the one the rest of Flowdesk sends
 * ({@code io.flowdesk.security.SecurityHeaders}, which runs first): the portal's pages run their own scripts and
 * styles only (none inline, nothing from another site), and talk to this site only. Its answers are about one
 * customer's ticket, so no cache keeps them.
 */
class PortalHeaders extends OncePerRequestFilter {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/portal/api/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}

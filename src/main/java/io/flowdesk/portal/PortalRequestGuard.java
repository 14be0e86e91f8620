package io.flowdesk.portal;

import io.flowdesk.common.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * The portal API's changing requests need the header {@value #HEADER}, which the portal's pages send. A page of
 * another site cannot send it without the browser asking first (CORS), and Flowdesk allows no other site: so no
 * site can make its visitors' browsers submit requests or messages here (a multipart form needs no such question).
 * The portal has no login for a forged request to ride on; this keeps its limits per address meaningful.
 */
class PortalRequestGuard extends OncePerRequestFilter {

    static final String HEADER = "X-Flowdesk-Portal";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader(HEADER) != null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(ProblemJson.MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ProblemJson.of(403, "Forbidden",
                "Portal requests that change something carry the header " + HEADER + ", as the portal's pages send"));
    }
}

package io.flowdesk.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Records the refusals of an {@code /api} request once it is answered, when its transactions are over and it holds
 * no connection: what the access rules noted ({@link AccessRefusals}), else any 403 as the request and its problem.
 */
@Configuration(proxyBeanMethods = false)
class RefusedApiAccess implements HandlerInterceptor, WebMvcConfigurer {

    private final AccessRefusals refusals;
    private final AuditLog audit;

    RefusedApiAccess(AccessRefusals refusals, AuditLog audit) {
        this.refusals = refusals;
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        List<AuditEvent> noted = refusals.takeNoted(request);
        if (noted.isEmpty() && response.getStatus() == HttpStatus.FORBIDDEN.value()) {
            noted = List.of(refusals.forbidden(request));
        }
        if (!noted.isEmpty() && response.getStatus() >= HttpStatus.BAD_REQUEST.value()) {
            audit.recordApart(noted);
        }
    }
}

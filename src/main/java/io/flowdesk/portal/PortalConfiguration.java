package io.flowdesk.portal;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The portal's filters: after the security headers of the whole site (whose policy the portal's replaces). */
@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

    @Bean
    FilterRegistrationBean<PortalHeaders> portalHeaders() {
        return registration(new PortalHeaders(), "flowdesk-portal-headers", "/portal/*", 20);
    }

    @Bean
    FilterRegistrationBean<PortalRequestGuard> portalRequestGuard() {
        return registration(new PortalRequestGuard(), "flowdesk-portal-request-guard", "/portal/api/*", 21);
    }

    /** {@code io.flowdesk.security.SecurityHeaders} runs at the highest precedence + 10. */
    private static <F extends Filter> FilterRegistrationBean<F> registration(F filter, String name, String paths,
                                                                             int afterHighest) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(paths);
        registration.setName(name);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + afterHighest);
        return registration;
    }
}

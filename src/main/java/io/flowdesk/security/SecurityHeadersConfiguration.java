package io.flowdesk.security;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.List;

/** {@link SecurityHeaders} on every path, ahead of the authentication filters. */
@Configuration(proxyBeanMethods = false)
class SecurityHeadersConfiguration {

    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(SecurityHeadersProperties headers,
                                                            CamundaBpmProperties camunda) {
        // the paths of Camunda's own header filter (HttpHeaderSecurity): its webapps' pages and their API
        String webapps = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(
                new SecurityHeaders(headers, List.of(webapps + "/app/", webapps + "/api/")));
        registration.addUrlPatterns("/*");
        registration.setName("flowdesk-security-headers");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}

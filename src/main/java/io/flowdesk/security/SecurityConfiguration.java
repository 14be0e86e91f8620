package io.flowdesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /api} and {@code /engine-rest} need a logged-in user; the webapps have their own login page. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService,
                                                                      ApiKeys apiKeys) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, apiKeys));
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setName("flowdesk-api-authentication");
        return registration;
    }
}

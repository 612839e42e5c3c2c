package org.impactledger.api.config;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC maps requests with {@link IndexedRequestMappingHandlerMapping}, through Spring Boot's own hook for it. */
@Configuration(proxyBeanMethods = false)
public class RequestMappingConfiguration {

    @Bean
    WebMvcRegistrations indexedRequestMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new IndexedRequestMappingHandlerMapping();
            }
        };
    }
}

package org.impactledger.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.impactledger.api.web.RequestContextResolver;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

/** The OpenAPI document: what the ledger is, how callers authenticate, and the headers every command carries. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    public OpenAPI ledgerOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Impact Ledger API")
                .version("0.1")
                .description("Event-sourced ledger for social-impact finance. Commands are POSTs that append immutable events; "
                        + "refusals are RFC 9457 problem documents naming the field and the rule, and append nothing. "
                        + "Queries read projections that follow the event store by milliseconds. "
                        + "Every call is authenticated (a bearer JWT, or HTTP Basic for local users); the acting principal "
                        + "recorded on events and used for four eyes is the authenticated one."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    @Bean
    public OperationCustomizer commandHeaders() {
        return (operation, handlerMethod) -> {
            if (handlerMethod.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name(RequestContextResolver.IDEMPOTENCY_KEY)
                        .description("Retry-safe key: a retry returns the first answer and appends nothing; reuse with another body is 409")
                        .schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name(RequestContextResolver.CORRELATION_ID)
                        .description("Ties the events of one business request together").schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name(RequestContextResolver.BUSINESS_DATE)
                        .description("Business date (yyyy-MM-dd) of the command; defaults to today").schema(new StringSchema()));
            }
            return operation;
        };
    }
}

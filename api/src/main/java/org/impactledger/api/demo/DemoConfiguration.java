package org.impactledger.api.demo;

import org.impactledger.api.web.CommandDispatcher;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Seeds the demo scenario once the application has started, when {@code ledger.demo.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
public class DemoConfiguration {

    @Bean
    @ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
    public ApplicationRunner demoSeeder(CommandDispatcher dispatcher) {
        return args -> new DemoScenario(dispatcher).seed();
    }
}

package org.impactledger.api.demo;

import org.impactledger.api.web.CommandDispatcher;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Seeds the demo scenario once the application has started, when {@code ledger.demo.enabled=true}.
 *
 * <p>The runner is always there and reads the property when it runs, rather than being a bean on a
 * condition: a start from the configuration processed ahead of time (the production start,
 * {@code -Dspring.aot.enabled=true}) keeps the beans the build's conditions chose, so a condition on
 * this property would ignore the {@code demo} profile there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
public class DemoConfiguration {

    @Bean
    public ApplicationRunner demoSeeder(CommandDispatcher dispatcher, DemoProperties properties) {
        return args -> {
            if (properties.enabled()) {
                new DemoScenario(dispatcher).seed();
            }
        };
    }
}

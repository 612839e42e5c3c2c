package org.impactledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;

/**
 * The Impact Ledger application: REST commands and queries over the event-sourced ledger.
 *
 * <p>Components are scanned for in the modules that have them. The domain ({@code org.impactledger.core},
 * ledger-core) has no Spring component: its aggregates are configured by infra's
 * {@code LedgerDomainConfiguration}, and the scan would read each of its 300-odd class files at every start.
 *
 * <p>Spring Boot's resource-server auto-configuration is left out: its JWT decoder is a bean on conditions over
 * the {@code spring.security.oauth2.resourceserver.jwt.*} properties, which a start from the configuration
 * processed ahead of time ({@code -Dspring.aot.enabled=true}) would take from the build, not from the start.
 * {@code SecurityConfiguration} builds the decoder from those properties itself ({@code ConfiguredJwtDecoder}).
 */
@SpringBootApplication(scanBasePackages = {"org.impactledger.api", "org.impactledger.projections", "org.impactledger.infra"},
        exclude = OAuth2ResourceServerAutoConfiguration.class)
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}

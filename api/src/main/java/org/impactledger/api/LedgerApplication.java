package org.impactledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Impact Ledger application: REST commands and queries over the event-sourced ledger.
 *
 * <p>Components are scanned for in the modules that have them. The domain ({@code org.impactledger.core},
 * ledger-core) has no Spring component: its aggregates are configured by infra's
 * {@code LedgerDomainConfiguration}, and the scan would read each of its 300-odd class files at every start.
 */
@SpringBootApplication(scanBasePackages = {"org.impactledger.api", "org.impactledger.projections", "org.impactledger.infra"})
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}

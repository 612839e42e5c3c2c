package org.impactledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Impact Ledger application: REST commands and queries over the event-sourced ledger. */
@SpringBootApplication(scanBasePackages = "org.impactledger")
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}

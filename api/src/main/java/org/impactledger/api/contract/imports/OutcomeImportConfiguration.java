package org.impactledger.api.contract.imports;

import java.time.Clock;
import org.impactledger.infra.imports.OutcomeImports;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The record of bulk outcome imports (a class of infra, with its tables), wired here, where it is used. */
@Configuration(proxyBeanMethods = false)
public class OutcomeImportConfiguration {

    @Bean
    public OutcomeImports outcomeImports(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        return new OutcomeImports(jdbc, template, clock);
    }
}

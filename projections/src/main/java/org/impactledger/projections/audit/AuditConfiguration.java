package org.impactledger.projections.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the audit trail: the signer (key from {@code ledger.audit.*}), the chain builder and its
 * schedule, verification, export and queries. The classes themselves are plain, so tests build
 * them by hand with their own clock and settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    public AuditSigner auditSigner(AuditProperties properties) {
        return AuditSigner.fromConfiguration(properties);
    }

    /**
     * Once the ledger is ready, a background thread loads the signer's checkpoint verifier and checks it
     * ({@link AuditSigner#prepareVerifier}), so that neither the start nor the first verification waits for
     * it. Should the check fail, it is logged here, and every verification refuses to run.
     */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> auditVerifierPreload(AuditSigner signer) {
        return event -> {
            Thread preload = new Thread(() -> {
                try {
                    signer.prepareVerifier();
                } catch (RuntimeException e) {
                    log.error("The audit checkpoints cannot be verified: {}", e.getMessage(), e);
                }
            }, "audit-verifier-preload");
            preload.setDaemon(true);
            preload.start();
        };
    }

    @Bean
    public AuditChainBuilder auditChainBuilder(DataSource dataSource, PlatformTransactionManager transactionManager,
                                               AuditProperties properties, AuditSigner signer, Clock clock) {
        return new AuditChainBuilder(dataSource, transactionManager, properties, signer, clock);
    }

    @Bean
    public AuditScheduler auditScheduler(AuditChainBuilder builder, AuditProperties properties) {
        return new AuditScheduler(builder, properties);
    }

    @Bean
    public AuditVerification auditVerification(JdbcClient jdbc, AuditSigner signer, AuditProperties properties) {
        return new AuditVerification(jdbc, signer, properties);
    }

    @Bean
    public AuditExport auditExport(JdbcClient jdbc, AuditSigner signer, AuditProperties properties, Clock clock) {
        return new AuditExport(jdbc, signer, properties, clock);
    }

    @Bean
    public AuditQueries auditQueries(JdbcClient jdbc) {
        return new AuditQueries(jdbc);
    }
}

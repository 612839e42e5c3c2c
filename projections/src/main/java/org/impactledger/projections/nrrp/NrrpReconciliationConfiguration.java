package org.impactledger.projections.nrrp;

import java.time.Clock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.impactledger.infra.metrics.ProcessorPositions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the NRRP reconciliation: the computation, the materialised store and its refresher (the
 * query handlers, {@link NrrpReconciliationQueries}, are a component). The classes themselves are
 * plain, so tests build them by hand with their own clock and settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NrrpReconciliationProperties.class)
public class NrrpReconciliationConfiguration {

    @Bean
    public NrrpReconciler nrrpReconciler(JdbcClient jdbc, NrrpReconciliationProperties properties) {
        return new NrrpReconciler(jdbc, properties.concurrentComputations(), properties.computationWait());
    }

    @Bean
    public NrrpReconciliationExports nrrpReconciliationExports(NrrpReconciliationProperties properties) {
        return new NrrpReconciliationExports(properties.concurrentComputations(), properties.computationWait());
    }

    @Bean
    public NrrpReconciliationStore nrrpReconciliationStore(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
        return new NrrpReconciliationStore(jdbc, template, transactionManager);
    }

    @Bean
    public NrrpReconciliationRefresher nrrpReconciliationRefresher(JdbcClient jdbc, NrrpReconciler reconciler, NrrpReconciliationStore store,
                                                                   PlatformTransactionManager transactionManager, Clock clock,
                                                                   ObjectProvider<EventProcessingConfiguration> processing,
                                                                   NrrpReconciliationProperties properties) {
        return new NrrpReconciliationRefresher(jdbc, reconciler, store, transactionManager, clock, () -> {
            EventProcessingConfiguration configuration = processing.getIfAvailable();
            if (configuration == null) {
                return null;
            }
            return configuration.eventProcessor(NrrpProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .map(ProcessorPositions::slowest)
                    .filter(position -> position != Long.MIN_VALUE)
                    .orElse(null);
        }, properties);
    }
}

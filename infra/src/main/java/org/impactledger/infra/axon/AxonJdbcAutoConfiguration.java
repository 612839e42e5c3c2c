package org.impactledger.infra.axon;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.impactledger.infra.jdbc.Databases;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Persistence wiring for Axon on a relational database (PostgreSQL in production and tests, H2 as
 * the embedded default).
 *
 * <p>Why explicit beans: Axon 4.13's own JDBC, transaction and metrics auto-configurations order
 * themselves after Spring Boot 2/3 class names that moved in Boot 4, so they would run before the
 * DataSource exists and silently fall back to no event store, no token store and a no-op
 * transaction manager. This configuration runs after Boot's DataSource, transaction and metrics
 * configurations and before every Axon auto-configuration, so Axon's conditional beans see ours.
 * Column names are snake_case to match the Flyway migrations, which own every table.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        },
        beforeName = {
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.MetricsAutoConfiguration",
                "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration",
                "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
                "org.axonframework.springboot.autoconfig.InfraConfiguration",
                "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration"
        })
@EnableConfigurationProperties(LedgerAxonProperties.class)
public class AxonJdbcAutoConfiguration {

    /** Spring's transactions for Axon; a query handler's is a read-only snapshot (see {@link QuerySnapshotTransactionManager}). */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager, DataSource dataSource) {
        return new QuerySnapshotTransactionManager(transactionManager, dataSource, Databases.isPostgreSql(dataSource));
    }

    /**
     * The event processors (every one maintains a read model) commit asynchronously on PostgreSQL:
     * see {@link ReadModelTransactionManager} for why that loses nothing a read model needs.
     * {@code ledger.axon.read-models.asynchronous-commit=false} makes them wait for the disk as commands do.
     */
    @Bean
    public ConfigurerModule readModelTransactions(TransactionManager axonTransactionManager, DataSource dataSource,
                                                  LedgerAxonProperties properties) {
        // not a bean itself: the command side and the event store take the one TransactionManager bean
        boolean asynchronous = properties.getReadModels().isAsynchronousCommit() && Databases.isPostgreSql(dataSource);
        ReadModelTransactionManager readModels = new ReadModelTransactionManager(axonTransactionManager, dataSource, asynchronous);
        return configurer -> configurer.eventProcessing().registerDefaultTransactionManager(c -> readModels);
    }

    /** Every read model's processor stops at an event it cannot handle, rather than skip it: {@link ReadModelErrorHandling}. */
    @Bean
    public ConfigurerModule readModelsStopOnError() {
        return ReadModelErrorHandling::stopOnError;
    }

    /**
     * The stream every read model's processor reads (each processor names it as its {@code source}):
     * the event store, with live batches gathered for {@code ledger.axon.read-models.live-batch-linger}.
     */
    @Bean
    public ReadModelEventSource readModelEventSource(org.axonframework.eventsourcing.eventstore.EventStore eventStore,
                                                     LedgerAxonProperties properties) {
        return new ReadModelEventSource(eventStore, properties.getReadModels().getLiveBatchLinger(),
                properties.getReadModels().getCatchUpWindow());
    }

    /**
     * Axon's event processing configuration, whose tracking processors ask each read model once whether it
     * supports a reset and once per payload type whether it handles it ({@link ReadModelHandlerInvoker}). Axon's
     * Spring Boot configuration then defines none.
     */
    @Bean
    @ConditionalOnMissingBean
    public EventProcessingModule eventProcessingModule() {
        return new LedgerEventProcessingModule();
    }

    /** Joins the Spring-managed transaction, so events, tokens and read models commit together. */
    @Bean
    public ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /**
     * Recognises a taken (aggregate id, sequence number) as what it is: another command appended
     * first (Axon then raises {@code ConcurrencyException}, or {@code AggregateStreamCreationException}
     * for a new aggregate whose id is taken). JDBC's {@code SQLIntegrityConstraintViolationException}
     * alone is not enough: the PostgreSQL driver reports a unique violation as SQL state 23505 on a
     * plain {@code SQLException} (a {@code BatchUpdateException} for Axon's batched insert).
     */
    @Bean
    public PersistenceExceptionResolver axonPersistenceExceptionResolver(DataSource dataSource) throws java.sql.SQLException {
        PersistenceExceptionResolver integrityViolation = new JdbcSQLErrorCodesResolver();
        PersistenceExceptionResolver uniqueViolation = new org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver("23505");
        return e -> integrityViolation.isDuplicateKeyViolation(e) || uniqueViolation.isDuplicateKeyViolation(e);
    }

    @Bean
    public EventSchema eventSchema() {
        return eventSchema("");
    }

    /** The event store's schema, its two tables' names after {@code qualifier} (a database schema and a dot, or nothing). */
    static EventSchema eventSchema(String qualifier) {
        return EventSchema.builder()
                .eventTable(qualifier + "domain_event_entry")
                .snapshotTable(qualifier + "snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * With Axon Server as the event store, Axon's configuration builds it and applies the upcaster
     * beans it finds; the JDBC engine below is given the same chain directly.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    public org.axonframework.serialization.upcasting.event.EventUpcaster ledgerUpcasters() {
        return LedgerUpcasters.chain();
    }

    /**
     * The JDBC event store, its tail read at most every {@code ledger.axon.event-store.tail-read-interval}
     * ({@link PacedTailEventStorageEngine}); with Axon Server enabled, Axon Server is the event store instead.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 LedgerAxonProperties properties,
                                                 Environment environment) {
        if (environment.getProperty("axon.axonserver.enabled", Boolean.class, false)) {
            // only a start from the configuration processed ahead of time gets here with Axon Server on: its
            // conditions were decided at build time, with Axon Server off
            throw new IllegalStateException("axon.axonserver.enabled=true, but this start uses the configuration processed "
                    + "ahead of time (-Dspring.aot.enabled=true), whose beans were chosen with Axon Server off: start "
                    + "with -Dspring.aot.enabled=false to use Axon Server");
        }
        return new PacedTailEventStorageEngine(LedgerJdbcEventStorageEngine.of(LedgerJdbcEventStorageEngine.Gaps.AXON_DEFAULTS, eventSchema,
                transactionManager, builder -> builder
                        .snapshotSerializer(eventSerializer)
                        .eventSerializer(eventSerializer)
                        .persistenceExceptionResolver(persistenceExceptionResolver)
                        .connectionProvider(connectionProvider)
                        .upcasterChain(LedgerUpcasters.chain())
                        .batchSize(properties.getEventStore().getBatchSize())), properties.getEventStore().getTailReadInterval());
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer defaultSerializer, TokenSchema tokenSchema,
                                 LedgerAxonProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(defaultSerializer)
                .schema(tokenSchema)
                .contentType(byte[].class)
                .claimTimeout(properties.getTokenStore().getClaimTimeout())
                .build();
    }
}

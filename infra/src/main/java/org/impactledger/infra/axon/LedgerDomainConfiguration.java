package org.impactledger.infra.axon;

import java.time.Clock;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.micrometer.GlobalMetricRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.impactledger.infra.metrics.LedgerMetricRegistry;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.impactledger.core.contract.Contract;
import org.impactledger.core.contract.ContractLimits;
import org.impactledger.core.privacy.DataSubject;
import org.impactledger.core.contract.OutcomePaymentHandler;
import org.impactledger.core.exchange.Account;
import org.impactledger.core.exchange.ExchangeHandler;
import org.impactledger.core.exchange.Instrument;
import org.impactledger.core.exchange.Issuer;
import org.impactledger.core.fund.Fund;
import org.impactledger.core.housing.HousingFundHandler;
import org.impactledger.core.housing.Property;
import org.impactledger.core.nrrp.BankStatement;
import org.impactledger.core.nrrp.BankStatementImportHandler;
import org.impactledger.core.nrrp.NrrpPlan;
import org.impactledger.core.nrrp.NrrpProject;
import org.impactledger.infra.idempotency.IdempotencyInterceptor;
import org.impactledger.infra.idempotency.ProcessedCommands;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.impactledger.infra.messaging.DomainErrorInterceptor;
import org.impactledger.infra.health.ReadModelsHealthIndicator;
import org.impactledger.infra.metrics.ProcessorLagMetrics;
import org.impactledger.infra.messaging.LedgerCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers the domain with Axon: the aggregates (with a cache and event-count snapshots,
 * {@link RecentAggregatesCache} and {@link GrowingSnapshotTriggerDefinition}, so a
 * command does not re-read a long stream, and a factory that refuses another type's stream:
 * {@link AggregateTypeGuard}), the command handlers that span aggregates (contract and fund;
 * Homes4All property and fund; instrument, issuer and accounts), the
 * idempotency interceptor and the metadata propagation. The domain module itself stays free of
 * Spring and of configuration.
 */
@AutoConfiguration(after = AxonJdbcAutoConfiguration.class,
        beforeName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration"})
public class LedgerDomainConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /** The contract's capacity, {@code ledger.contracts.max-outcomes}; Axon passes this bean to the contract's command handlers. */
    @Bean
    @ConditionalOnMissingBean
    public ContractLimits contractLimits(@Value("${ledger.contracts.max-outcomes:" + ContractLimits.DEFAULT_MAX_OUTCOMES + "}") int maxOutcomes) {
        return new ContractLimits(maxOutcomes);
    }

    @Bean
    public ProcessorLagMetrics processorLagMetrics(EventProcessingConfiguration processing, EventStore eventStore) {
        return new ProcessorLagMetrics(processing, eventStore);
    }

    /** {@code readModels} in the health endpoint: DOWN when a read-model processor halted after an error. */
    @Bean
    public ReadModelsHealthIndicator readModelsHealthIndicator(EventProcessingConfiguration processing) {
        return new ReadModelsHealthIndicator(processing);
    }

    /** Axon's metrics, with monitors that find their meters once and keep no per-message window (see the class). */
    @Bean
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new LedgerMetricRegistry(meterRegistry);
    }

    @Bean
    public CorrelationDataProvider ledgerCorrelationDataProvider() {
        return new LedgerCorrelationDataProvider();
    }

    @Bean
    public ProcessedCommands processedCommands(JdbcClient jdbcClient, @Qualifier("messageSerializer") Serializer messageSerializer) {
        return new ProcessedCommands(jdbcClient, messageSerializer);
    }

    /** The aggregates' snapshots are taken in a thread of their own, after the command that crossed the threshold answered. */
    @Bean(destroyMethod = "close")
    public SnapshotExecutor snapshotExecutor() {
        return new SnapshotExecutor();
    }

    /**
     * The interceptors are deliberately not beans: Axon registers handler-interceptor beans on the
     * command bus by itself, in no order we control.
     */
    @Bean
    public ConfigurerModule ledgerDomainModule(LedgerAxonProperties properties, ProcessedCommands processedCommands, Clock clock,
                                               SnapshotExecutor snapshotExecutor) {
        IdempotencyInterceptor idempotencyInterceptor = new IdempotencyInterceptor(processedCommands, clock);
        Snapshots snapshots = new Snapshots(properties, snapshotExecutor);
        return configurer -> {
            configurer.configureAggregate(aggregate(Fund.class, snapshots, Long.MAX_VALUE));
            // a contract keeps every outcome: its snapshots stop at a stream length (see GrowingSnapshotTriggerDefinition)
            configurer.configureAggregate(aggregate(Contract.class, snapshots, properties.getSnapshots().getContractMaxStreamLength()));
            configurer.configureAggregate(aggregate(NrrpProject.class, snapshots, Long.MAX_VALUE));
            configurer.configureAggregate(aggregate(BankStatement.class, snapshots, Long.MAX_VALUE));
            configurer.configureAggregate(aggregate(NrrpPlan.class, snapshots, Long.MAX_VALUE));
            // a data subject has a handful of events: no cache, no snapshots
            configurer.configureAggregate(DataSubject.class);
            configurer.registerCommandHandler(c -> new OutcomePaymentHandler(c.repository(Contract.class), c.repository(Fund.class)));
            configurer.configureAggregate(aggregate(Property.class, snapshots, Long.MAX_VALUE));
            configurer.registerCommandHandler(c -> new HousingFundHandler(c.repository(Property.class), c.repository(Fund.class)));
            // the Social Impact Stock Exchange: every instrument command may move cash on accounts and the issuer in one unit of work
            configurer.configureAggregate(aggregate(Issuer.class, snapshots, Long.MAX_VALUE));
            configurer.configureAggregate(aggregate(Instrument.class, snapshots, Long.MAX_VALUE));
            configurer.configureAggregate(aggregate(Account.class, snapshots, Long.MAX_VALUE));
            configurer.registerCommandHandler(c -> new ExchangeHandler(c.repository(Instrument.class), c.repository(Issuer.class),
                    c.repository(Account.class)));
            configurer.registerCommandHandler(c -> new BankStatementImportHandler(c.repository(BankStatement.class)));
            // order: domain errors are translated outermost; the idempotency claim runs inside the transaction
            configurer.onInitialize(c -> c.onStart(() -> {
                c.commandBus().registerHandlerInterceptor(new DomainErrorInterceptor());
                c.commandBus().registerHandlerInterceptor(idempotencyInterceptor);
            }));
        };
    }

    /** Which aggregate a command targets, found once per command class (Axon's default searches on every command). */
    private static final CachingCommandTargetResolver TARGET_RESOLVER = new CachingCommandTargetResolver();

    /** The settings the aggregates' caches and snapshots are configured from, and where the snapshots are taken. */
    private record Snapshots(LedgerAxonProperties properties, SnapshotExecutor executor) {
    }

    /** @param maxSnapshotStreamLength no snapshot of a longer stream ({@code Long.MAX_VALUE}: no limit) */
    private static <A> AggregateConfigurer<A> aggregate(Class<A> type, Snapshots snapshots, long maxSnapshotStreamLength) {
        LedgerAxonProperties properties = snapshots.properties();
        Cache cache = properties.isAggregateCache() ? new RecentAggregatesCache(properties.getAggregateCacheStrongSize()) : NoCache.INSTANCE;
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCommandTargetResolver(c -> TARGET_RESOLVER)
                .configureCache(c -> cache)
                .configureAggregateFactory(c -> new AggregateTypeGuard<>(model(c, type)))
                .configureSnapshotTrigger(c -> snapshotTrigger(c, properties.getSnapshots().getThreshold(), maxSnapshotStreamLength,
                        snapshots.executor()));
    }

    private static SnapshotTriggerDefinition snapshotTrigger(Configuration c, int threshold, long maxStreamLength, SnapshotExecutor executor) {
        if (threshold <= 0) {
            return NoSnapshotTriggerDefinition.INSTANCE;
        }
        Snapshotter snapshotter = AggregateSnapshotter.builder()
                .eventStore(c.eventStore())
                .transactionManager(c.getComponent(TransactionManager.class))
                .executor(executor)
                .aggregateFactories(factory(c, Fund.class), factory(c, Contract.class), factory(c, Property.class), factory(c, Issuer.class),
                        factory(c, Instrument.class), factory(c, Account.class), factory(c, NrrpProject.class), factory(c, BankStatement.class),
                        factory(c, NrrpPlan.class))
                .repositoryProvider(c::repository)
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(Fund.class))
                .build();
        return new GrowingSnapshotTriggerDefinition(snapshotter, threshold, maxStreamLength);
    }

    /** The snapshotter's factory of one aggregate type. */
    private static <A> GenericAggregateFactory<A> factory(Configuration c, Class<A> type) {
        return new GenericAggregateFactory<>(model(c, type));
    }

    /** An aggregate type inspected with the application's parameter resolvers: a contract's command handlers take a Spring bean. */
    private static <A> AggregateModel<A> model(Configuration c, Class<A> type) {
        return AnnotatedAggregateMetaModelFactory.inspectAggregate(type, c.parameterResolverFactory(), c.handlerDefinition(type));
    }
}

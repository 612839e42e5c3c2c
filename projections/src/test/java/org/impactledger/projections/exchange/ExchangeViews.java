package org.impactledger.projections.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.impactledger.projections.exchange.holdings.ExchangeHoldingsProjection;
import org.impactledger.projections.exchange.holdings.ExchangeHoldingsQueries;
import org.impactledger.projections.exchange.market.ExchangeMarketProjection;
import org.impactledger.projections.exchange.market.ExchangeMarketQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The two exchange read models and their queries on one data source, wired the way Axon wires them:
 * events reach the handlers through Axon's annotation adapters (which resolve the sequence number,
 * timestamp and message parameters), queries go through a query bus by their type. A dump of every
 * table allows row-by-row comparisons.
 */
final class ExchangeViews {

    /** Every table of both processing groups, with its primary key (for a stable order). */
    static final Map<String, String> MARKET_TABLES = new LinkedHashMap<>();
    static final Map<String, String> HOLDINGS_TABLES = new LinkedHashMap<>();

    static {
        MARKET_TABLES.put("exchange_issuer_view", "issuer_id");
        MARKET_TABLES.put("exchange_issuer_outcome_view", "issuer_id, outcome_id");
        MARKET_TABLES.put("exchange_instrument_view", "instrument_id");
        MARKET_TABLES.put("exchange_offering_view", "instrument_id, offering_id");
        MARKET_TABLES.put("exchange_order_view", "instrument_id, order_id");
        MARKET_TABLES.put("exchange_trade_view", "instrument_id, trade_number");
        HOLDINGS_TABLES.put("exchange_account_fact", "investor_id");
        HOLDINGS_TABLES.put("exchange_issuer_fact", "issuer_id");
        HOLDINGS_TABLES.put("exchange_instrument_fact", "instrument_id");
        HOLDINGS_TABLES.put("exchange_cash_fact", "event_id");
        HOLDINGS_TABLES.put("exchange_unit_fact", "event_id, line_no");
        HOLDINGS_TABLES.put("exchange_capital_fact", "event_id");
        HOLDINGS_TABLES.put("exchange_outcome_fact", "issuer_id, outcome_id");
    }

    final JdbcClient jdbc;
    final ExchangeMarketProjection market;
    final ExchangeHoldingsProjection holdings;
    final QueryGateway queries;
    private final AnnotationEventHandlerAdapter marketHandlers;
    private final AnnotationEventHandlerAdapter holdingsHandlers;

    ExchangeViews(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        this.market = new ExchangeMarketProjection(jdbc, new JdbcTemplate(dataSource), transactionManager);
        this.holdings = new ExchangeHoldingsProjection(jdbc, new JdbcTemplate(dataSource), transactionManager);
        this.marketHandlers = new AnnotationEventHandlerAdapter(market);
        this.holdingsHandlers = new AnnotationEventHandlerAdapter(holdings);
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new ExchangeMarketQueries(jdbc)).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new ExchangeHoldingsQueries(jdbc)).subscribe(bus);
        this.queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    /** What a token reset of both processing groups does before a replay. */
    void reset() {
        market.reset();
        holdings.reset();
    }

    void applyAll(List<? extends EventMessage<?>> events) {
        events.forEach(this::apply);
    }

    void apply(EventMessage<?> event) {
        try {
            if (marketHandlers.canHandle(event)) {
                marketHandlers.handle(event);
            }
            if (holdingsHandlers.canHandle(event)) {
                holdingsHandlers.handle(event);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    <R> R one(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    /** Every row of the given tables, in primary-key order, column by column. */
    Map<String, List<Map<String, Object>>> dump(Map<String, String> tables) {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        tables.forEach((table, key) -> rows.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY " + key).query().listOfRows()));
        return rows;
    }

    Map<String, List<Map<String, Object>>> dump() {
        Map<String, String> all = new LinkedHashMap<>(MARKET_TABLES);
        all.putAll(HOLDINGS_TABLES);
        return dump(all);
    }

    long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}

package org.impactledger.projections.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.IssuerOutcomeVerified;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.PurchaseSettled;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.core.exchange.query.FindHoldings;
import org.impactledger.core.exchange.query.FindInstrument;
import org.impactledger.projections.exchange.holdings.Holdings;
import org.impactledger.projections.exchange.market.InstrumentDetails;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotence and rebuilds of both exchange read models on PostgreSQL: an event delivered again
 * changes no row, and emptying the tables and replaying the history (what a token reset does)
 * gives exactly the rows the incremental build gave, however often it is done.
 */
class ExchangeRedeliveryAndRebuildTest {

    private static ExchangeViews views;

    @BeforeAll
    static void database() {
        views = new ExchangeViews(ExchangeDatabases.postgres());
    }

    @BeforeEach
    void emptyTables() {
        views.reset();
    }

    @Test
    void a_trade_delivered_again_moves_no_units_counts_no_second_trade_and_settles_no_cash_twice() {
        List<DomainEventMessage<?>> events = ExchangeHistory.events();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> once = views.dump();

        events.stream().filter(e -> e.getPayload() instanceof TradeExecuted || e.getPayload() instanceof PurchaseSettled).forEach(views::apply);

        assertThat(views.dump()).isEqualTo(once);
        assertThat(views.one(new FindInstrument(ExchangeHistory.SHARE), InstrumentDetails.class).instrument().tradeCount()).isEqualTo(3);
        assertThat(views.one(new FindHoldings(ExchangeHistory.GIULIA, null, Instant.parse("2030-01-01T00:00:00Z")), Holdings.class).cash())
                .isEqualByComparingTo("1765.67");
    }

    @Test
    void an_allocation_a_dividend_and_a_verification_delivered_again_change_nothing() {
        List<DomainEventMessage<?>> events = ExchangeHistory.events();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> once = views.dump();

        events.stream().filter(e -> e.getPayload() instanceof OfferingClosed || e.getPayload() instanceof IncomePaid
                || e.getPayload() instanceof IssuerOutcomeVerified).forEach(views::apply);

        assertThat(views.dump()).isEqualTo(once);
    }

    @Test
    void delivering_the_whole_history_a_second_time_changes_no_row() {
        List<DomainEventMessage<?>> events = ExchangeHistory.events();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> once = views.dump();

        views.applyAll(events);

        assertThat(views.dump()).isEqualTo(once);
    }

    @Test
    void rebuilding_from_scratch_gives_the_rows_of_the_incremental_build_every_time() {
        List<DomainEventMessage<?>> events = ExchangeHistory.events();
        // incremental, at least once: batches of seven, each delivered again from its start after a "crash"
        for (int start = 0; start < events.size(); start += 7) {
            List<DomainEventMessage<?>> batch = events.subList(start, Math.min(start + 7, events.size()));
            views.applyAll(batch.subList(0, (batch.size() + 1) / 2));
            views.applyAll(batch);
        }
        Map<String, List<Map<String, Object>>> incremental = views.dump();
        assertThat(incremental.get("exchange_trade_view")).hasSize(3);
        assertThat(incremental.get("exchange_unit_fact")).hasSize(5 + 2 + 3 * 2);

        views.reset();
        long left = ExchangeViews.MARKET_TABLES.keySet().stream().mapToLong(views::rows).sum()
                + ExchangeViews.HOLDINGS_TABLES.keySet().stream().mapToLong(views::rows).sum();
        assertThat(left).isZero();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> firstRebuild = views.dump();

        views.reset();
        views.applyAll(events);
        Map<String, List<Map<String, Object>>> secondRebuild = views.dump();

        assertThat(firstRebuild).isEqualTo(incremental);
        assertThat(secondRebuild).isEqualTo(incremental);
    }
}

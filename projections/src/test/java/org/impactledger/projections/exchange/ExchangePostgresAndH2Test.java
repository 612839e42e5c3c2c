package org.impactledger.projections.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.exchange.query.FindHoldings;
import org.impactledger.core.exchange.query.FindIssuer;
import org.impactledger.core.exchange.query.FindOrderBook;
import org.impactledger.core.exchange.query.FindPortfolioImpact;
import org.impactledger.core.exchange.query.ListInstruments;
import org.impactledger.core.exchange.query.ListTrades;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.projections.exchange.holdings.Holdings;
import org.impactledger.projections.exchange.holdings.PortfolioImpactReport;
import org.impactledger.projections.exchange.market.InstrumentPage;
import org.impactledger.projections.exchange.market.IssuerDetails;
import org.impactledger.projections.exchange.market.OrderBook;
import org.impactledger.projections.exchange.market.TradePage;
import org.junit.jupiter.api.Test;

/** The same history gives the same answers on PostgreSQL and on H2 in PostgreSQL mode (the embedded default): the SQL is portable. */
class ExchangePostgresAndH2Test {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void every_exchange_query_answers_the_same_on_postgresql_and_h2() {
        ExchangeViews postgres = new ExchangeViews(ExchangeDatabases.postgres());
        ExchangeViews h2 = new ExchangeViews(ExchangeDatabases.h2("exchange-views"));
        postgres.reset();
        postgres.applyAll(ExchangeHistory.events());
        h2.applyAll(ExchangeHistory.events());

        for (Object query : List.of(new ListInstruments(null, 0, 10), new FindIssuer(ExchangeHistory.LAVORO), new FindOrderBook(ExchangeHistory.SHARE),
                new ListTrades(ExchangeHistory.SHARE, 0, 10))) {
            Class<?> type = answerTypeOf(query);
            assertThat((Object) h2.one(query, type)).as(query.toString()).isEqualTo(postgres.one(query, type));
        }
        for (InvestorId investor : List.of(ExchangeHistory.FOUNDATION, ExchangeHistory.WELFARE, ExchangeHistory.GIULIA)) {
            for (LocalDate asOf : new LocalDate[] {null, LocalDate.of(2026, 4, 8)}) {
                assertThat(h2.one(new FindHoldings(investor, asOf, NOW), Holdings.class))
                        .isEqualTo(postgres.one(new FindHoldings(investor, asOf, NOW), Holdings.class));
                assertThat(h2.one(new FindPortfolioImpact(investor, asOf, NOW), PortfolioImpactReport.class))
                        .isEqualTo(postgres.one(new FindPortfolioImpact(investor, asOf, NOW), PortfolioImpactReport.class));
            }
        }
        assertThat(h2.one(new FindHoldings(ExchangeHistory.WELFARE, null, NOW), Holdings.class).reserved()).isEqualByComparingTo("6450.00");
    }

    private static Class<?> answerTypeOf(Object query) {
        if (query instanceof ListInstruments) {
            return InstrumentPage.class;
        }
        if (query instanceof FindIssuer) {
            return IssuerDetails.class;
        }
        if (query instanceof FindOrderBook) {
            return OrderBook.class;
        }
        return TradePage.class;
    }
}

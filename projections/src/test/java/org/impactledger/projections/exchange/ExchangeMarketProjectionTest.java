package org.impactledger.projections.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactledger.projections.exchange.ExchangeHistory.BOND;
import static org.impactledger.projections.exchange.ExchangeHistory.CER;
import static org.impactledger.projections.exchange.ExchangeHistory.LAVORO;
import static org.impactledger.projections.exchange.ExchangeHistory.SHARE;
import static org.impactledger.projections.exchange.ExchangeHistory.VERIFIER;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.impactledger.core.exchange.event.OrderPlaced;
import org.impactledger.core.exchange.query.FindInstrument;
import org.impactledger.core.exchange.query.FindIssuer;
import org.impactledger.core.exchange.query.FindOrderBook;
import org.impactledger.core.exchange.query.ListInstruments;
import org.impactledger.core.exchange.query.ListIssuers;
import org.impactledger.core.exchange.query.ListTrades;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.projections.exchange.market.ExchangeMarketProjection;
import org.impactledger.projections.exchange.market.InstrumentDetails;
import org.impactledger.projections.exchange.market.InstrumentPage;
import org.impactledger.projections.exchange.market.InstrumentView;
import org.impactledger.projections.exchange.market.IssuerDetails;
import org.impactledger.projections.exchange.market.IssuerOutcomeView;
import org.impactledger.projections.exchange.market.IssuerPage;
import org.impactledger.projections.exchange.market.IssuerView;
import org.impactledger.projections.exchange.market.OfferingView;
import org.impactledger.projections.exchange.market.OrderBook;
import org.impactledger.projections.exchange.market.TradePage;
import org.impactledger.projections.exchange.market.TradeView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The market read model on PostgreSQL, fed the shared {@link ExchangeHistory} (figures worked out
 * there): issuers with their standing, cash and outcomes; instruments with their offerings; the
 * order book's depth; the trade tape.
 */
class ExchangeMarketProjectionTest {

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
    void issuers_show_their_focus_standing_cash_and_outcome_counts() {
        views.applyAll(ExchangeHistory.events());

        IssuerPage page = views.one(new ListIssuers(0, 10), IssuerPage.class);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(IssuerView::issuerId).containsExactly(CER.value(), LAVORO.value());
        IssuerView cer = page.items().get(0);
        assertThat(cer.sdgFocus()).containsExactly("7.1", "7.2");
        // 140,000.00 bond proceeds − 2,450.00 coupon
        assertThat(cer.cash()).isEqualByComparingTo("137550.00");
        assertThat(cer.incomePaid()).isEqualByComparingTo("2450.00");
        assertThat(List.of(cer.outcomesReported(), cer.outcomesVerified(), cer.outcomesRejected())).containsExactly(2L, 2L, 0L);
        IssuerView lavoro = page.items().get(1);
        assertThat(lavoro.suspended()).isFalse();
        assertThat(lavoro.standingSince()).isEqualTo(LocalDate.of(2026, 5, 11));
        assertThat(lavoro.standingReason()).isEqualTo("Annual accounts filed");
        // 250,000.00 share proceeds − 4,250.00 dividend
        assertThat(lavoro.cash()).isEqualByComparingTo("245750.00");
        assertThat(lavoro.proceedsReceived()).isEqualByComparingTo("250000.00");
        assertThat(List.of(lavoro.outcomesReported(), lavoro.outcomesVerified(), lavoro.outcomesRejected())).containsExactly(3L, 1L, 1L);
    }

    @Test
    void a_suspended_issuer_shows_since_when_and_why() {
        List<DomainEventMessage<?>> events = ExchangeHistory.events();
        views.applyAll(events.subList(0, indexOf(events, "IssuerSuspended") + 1));

        IssuerView lavoro = views.one(new FindIssuer(LAVORO), IssuerDetails.class).issuer();

        assertThat(lavoro.suspended()).isTrue();
        assertThat(lavoro.standingSince()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(lavoro.standingReason()).isEqualTo("Annual accounts not filed on time");
    }

    @Test
    void an_issuer_lists_its_instruments_and_its_outcomes_with_the_verifiers_decision() {
        views.applyAll(ExchangeHistory.events());

        IssuerDetails lavoro = views.one(new FindIssuer(LAVORO), IssuerDetails.class);

        assertThat(lavoro.instruments()).extracting(InstrumentView::instrumentId).containsExactly(SHARE.value());
        assertThat(lavoro.outcomes()).extracting(IssuerOutcomeView::outcomeId, IssuerOutcomeView::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lis-2026-q2-placements", "VERIFIED"),
                        org.assertj.core.groups.Tuple.tuple("lis-2026-q2-trainees", "REJECTED"),
                        org.assertj.core.groups.Tuple.tuple("lis-2026-q3-placements", "REPORTED"));
        IssuerOutcomeView placements = lavoro.outcomes().get(0);
        assertThat(placements.metricCode()).isEqualTo("JOB-PLACEMENT");
        assertThat(placements.sdgTarget()).isEqualTo("8.5");
        assertThat(placements.quantity()).isEqualByComparingTo("24");
        assertThat(placements.verifiedQuantity()).isEqualByComparingTo("22");
        assertThat(placements.reportedBy()).isEqualTo(ExchangeHistory.ISSUER_LAVORO);
        assertThat(placements.decidedBy()).isEqualTo(VERIFIER);
        assertThat(placements.decidedAt()).isAfter(placements.reportedAt());
        assertThat(lavoro.outcomes().get(1).decisionNote()).isEqualTo("Attendance registers not provided");
        assertThat(lavoro.outcomes().get(2).decidedBy()).isNull();
        assertThat(views.one(new FindIssuer(IssuerId.of("no-such-issuer")), IssuerDetails.class)).isNull();
    }

    @Test
    void instruments_show_units_outstanding_capital_raised_trading_and_income() {
        views.applyAll(ExchangeHistory.events());

        InstrumentPage all = views.one(new ListInstruments(null, 0, 10), InstrumentPage.class);
        InstrumentPage ofCer = views.one(new ListInstruments(CER, 0, 10), InstrumentPage.class);

        assertThat(all.items()).extracting(InstrumentView::instrumentId).containsExactly(BOND.value(), SHARE.value());
        assertThat(ofCer.items()).extracting(InstrumentView::instrumentId).containsExactly(BOND.value());
        InstrumentView bond = all.items().get(0);
        assertThat(bond.type()).isEqualTo("SOCIAL_BOND");
        assertThat(bond.bondTerms().faceValue()).isEqualByComparingTo("100.00");
        assertThat(bond.bondTerms().couponRate()).isEqualByComparingTo("0.035");
        assertThat(bond.bondTerms().couponsPerYear()).isEqualTo(2);
        assertThat(bond.bondTerms().maturity()).isEqualTo(LocalDate.of(2031, 3, 31));
        assertThat(bond.unitsOutstanding()).isEqualTo(1400);
        assertThat(bond.capitalRaised()).isEqualByComparingTo("140000.00");
        assertThat(bond.incomePaid()).isEqualByComparingTo("2450.00");
        assertThat(bond.tradeCount()).isZero();
        InstrumentView share = all.items().get(1);
        assertThat(share.bondTerms()).isNull();
        assertThat(share.status()).isEqualTo("LISTED");
        assertThat(share.unitsOutstanding()).isEqualTo(10_000);
        assertThat(share.capitalRaised()).isEqualByComparingTo("250000.00");
        assertThat(share.tradeCount()).isEqualTo(3);
        assertThat(share.unitsTraded()).isEqualTo(100 + 50 + 400);
        assertThat(share.lastPrice()).isEqualByComparingTo("26.00");
        assertThat(share.lastTradeDate()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(share.incomePaid()).isEqualByComparingTo("4250.00");
    }

    @Test
    void an_oversubscribed_offering_shows_what_was_subscribed_and_what_was_allocated() {
        views.applyAll(ExchangeHistory.events());

        InstrumentDetails share = views.one(new FindInstrument(SHARE), InstrumentDetails.class);

        assertThat(share.offerings()).singleElement().satisfies(o -> {
            assertThat(o.offeringId()).isEqualTo("lis-ipo-2026");
            assertThat(o.status()).isEqualTo("CLOSED");
            assertThat(o.size()).isEqualTo(10_000);
            assertThat(o.price()).isEqualByComparingTo("25.00");
            assertThat(o.subscriptions()).isEqualTo(5);
            assertThat(o.unitsSubscribed()).isEqualTo(13_000);
            assertThat(o.unitsAllocated()).isEqualTo(10_000);
            assertThat(o.proceeds()).isEqualByComparingTo("250000.00");
            assertThat(o.endedOn()).isEqualTo(LocalDate.of(2026, 3, 16));
        });
        assertThat(views.one(new FindInstrument(InstrumentId.of("no-such-instrument")), InstrumentDetails.class)).isNull();
    }

    @Test
    void an_open_offering_counts_its_subscriptions_as_they_come() {
        List<DomainEventMessage<?>> events = ExchangeHistory.events();
        views.applyAll(events.subList(0, indexOf(events, "SubscriptionReceived") + 1));

        OfferingView offering = views.one(new FindInstrument(SHARE), InstrumentDetails.class).offerings().get(0);

        assertThat(offering.status()).isEqualTo("OPEN");
        assertThat(offering.subscriptions()).isEqualTo(1);
        assertThat(offering.unitsSubscribed()).isEqualTo(6000);
        assertThat(offering.unitsAllocated()).isZero();
    }

    @Test
    void the_order_book_adds_up_resting_orders_per_price_with_bids_high_to_low_and_asks_low_to_high() {
        List<DomainEventMessage<?>> events = ExchangeHistory.events();
        // up to WELFARE's bid B2: S1 rests with 400 of 500 after T1, B2 with 300
        views.applyAll(events.subList(0, indexOfOrder(events, "B2") + 1));

        OrderBook book = views.one(new FindOrderBook(SHARE), OrderBook.class);

        assertThat(book.currency()).isEqualTo("EUR");
        assertThat(book.asks()).containsExactly(new OrderBook.PriceLevel(new java.math.BigDecimal("26.00"), 400, 1));
        assertThat(book.bids()).containsExactly(new OrderBook.PriceLevel(new java.math.BigDecimal("25.80"), 300, 1));
        assertThat(book.spread()).isEqualByComparingTo("0.20");
    }

    @Test
    void at_the_end_only_the_partly_filled_bid_rests_and_the_cancelled_ask_is_gone() {
        views.applyAll(ExchangeHistory.events());

        OrderBook book = views.one(new FindOrderBook(SHARE), OrderBook.class);

        assertThat(book.bids()).containsExactly(new OrderBook.PriceLevel(new java.math.BigDecimal("25.80"), 250, 1));
        assertThat(book.asks()).isEmpty();
        assertThat(book.spread()).isNull();
        assertThat(views.one(new FindOrderBook(BOND), OrderBook.class).bids()).isEmpty();
        assertThat(views.one(new FindOrderBook(InstrumentId.of("no-such-instrument")), OrderBook.class)).isNull();
    }

    @Test
    void the_trade_tape_pages_newest_first_and_names_orders_not_investors() {
        views.applyAll(ExchangeHistory.events());

        TradePage first = views.one(new ListTrades(SHARE, 0, 2), TradePage.class);
        TradePage second = views.one(new ListTrades(SHARE, 1, 2), TradePage.class);

        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(TradeView::tradeNumber).containsExactly(3L, 2L);
        TradeView t3 = first.items().get(0);
        assertThat(t3.tradeDate()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(t3.quantity()).isEqualTo(400);
        assertThat(t3.price()).isEqualByComparingTo("26.00");
        assertThat(t3.amount()).isEqualByComparingTo("10400.00");
        assertThat(t3.aggressor()).isEqualTo("BUY");
        assertThat(List.of(t3.buyOrderId(), t3.sellOrderId())).containsExactly("B3", "S1");
        TradeView t2 = first.items().get(1);
        assertThat(t2.price()).isEqualByComparingTo("25.80");
        assertThat(t2.amount()).isEqualByComparingTo("1290.00");
        assertThat(t2.aggressor()).isEqualTo("SELL");
        assertThat(List.of(t2.buyOrderId(), t2.sellOrderId())).containsExactly("B2", "S2");
        assertThat(second.items()).extracting(TradeView::tradeNumber, TradeView::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, new java.math.BigDecimal("2600.00")));
    }

    @Test
    void the_market_is_built_by_its_own_processing_group() {
        assertThat(ExchangeMarketProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("exchange-market");
    }

    static int indexOf(List<DomainEventMessage<?>> events, String payloadType) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getPayloadType().getSimpleName().equals(payloadType)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + payloadType + " in the history");
    }

    static int indexOfOrder(List<DomainEventMessage<?>> events, String orderId) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).getPayload() instanceof OrderPlaced placed && placed.orderId().value().equals(orderId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no order " + orderId + " in the history");
    }
}

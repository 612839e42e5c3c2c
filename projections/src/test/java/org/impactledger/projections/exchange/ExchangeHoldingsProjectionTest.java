package org.impactledger.projections.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.impactledger.projections.exchange.ExchangeHistory.BANK;
import static org.impactledger.projections.exchange.ExchangeHistory.BOND;
import static org.impactledger.projections.exchange.ExchangeHistory.CER;
import static org.impactledger.projections.exchange.ExchangeHistory.FOUNDATION;
import static org.impactledger.projections.exchange.ExchangeHistory.GIULIA;
import static org.impactledger.projections.exchange.ExchangeHistory.LAVORO;
import static org.impactledger.projections.exchange.ExchangeHistory.MARCO;
import static org.impactledger.projections.exchange.ExchangeHistory.SHARE;
import static org.impactledger.projections.exchange.ExchangeHistory.WELFARE;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.impactledger.core.exchange.event.IssuerOutcomeVerified;
import org.impactledger.core.exchange.query.FindHoldings;
import org.impactledger.core.exchange.query.FindIssuer;
import org.impactledger.core.exchange.query.FindPortfolioImpact;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.projections.exchange.holdings.ExchangeHoldingsProjection;
import org.impactledger.projections.exchange.holdings.Holdings;
import org.impactledger.projections.exchange.holdings.PortfolioImpactReport;
import org.impactledger.projections.exchange.holdings.PortfolioImpactReport.AttributedOutcome;
import org.impactledger.projections.exchange.holdings.PortfolioImpactReport.IssuerImpact;
import org.impactledger.projections.exchange.market.IssuerDetails;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holdings and portfolio impact on PostgreSQL, from the shared {@link ExchangeHistory} (figures
 * worked out there), as of business dates and as known at recording times.
 */
class ExchangeHoldingsProjectionTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static ExchangeViews views;

    @BeforeAll
    static void database() {
        views = new ExchangeViews(ExchangeDatabases.postgres());
    }

    @BeforeEach
    void emptyTables() {
        views.reset();
        views.applyAll(ExchangeHistory.events());
    }

    private static Holdings holdings(InvestorId investor, String asOf) {
        return views.one(new FindHoldings(investor, asOf == null ? null : LocalDate.parse(asOf), NOW), Holdings.class);
    }

    private static PortfolioImpactReport impact(InvestorId investor, String asOf, Instant knownAt) {
        return views.one(new FindPortfolioImpact(investor, asOf == null ? null : LocalDate.parse(asOf), knownAt), PortfolioImpactReport.class);
    }

    @Test
    void holdings_show_units_per_instrument_with_their_share_and_the_accounts_cash() {
        Holdings foundation = holdings(FOUNDATION, null);

        // 250,000.00 − 115,375.00 (4,615 shares) − 100,000.00 (1,000 bonds) − 10,400.00 (T3) + 2,131.38 dividend + 1,750.00 coupon
        assertThat(foundation.cash()).isEqualByComparingTo("28106.38");
        assertThat(foundation.reserved()).isEqualByComparingTo("0.00");
        assertThat(foundation.available()).isEqualByComparingTo("28106.38");
        assertThat(foundation.currency()).isEqualTo("EUR");
        assertThat(foundation.positions()).extracting(Holdings.Position::instrumentId, Holdings.Position::units, Holdings.Position::unitsOutstanding,
                        Holdings.Position::share)
                .containsExactly(
                        tuple(BOND.value(), 1000L, 1400L, new BigDecimal("0.71428571")),
                        tuple(SHARE.value(), 5015L, 10_000L, new BigDecimal("0.50150000")));
        assertThat(foundation.positions().get(0).issuerId()).isEqualTo(CER.value());
        assertThat(foundation.positions().get(1).type()).isEqualTo("SHARE");
    }

    @Test
    void an_open_buy_order_keeps_its_cash_reserved() {
        Holdings welfare = holdings(WELFARE, null);

        // 120,000.00 − 48,075.00 − 40,000.00 − 1,290.00 (T2) + 838.52 dividend + 700.00 coupon
        assertThat(welfare.cash()).isEqualByComparingTo("32173.52");
        // what is left of B2: 250 × 25.80
        assertThat(welfare.reserved()).isEqualByComparingTo("6450.00");
        assertThat(welfare.available()).isEqualByComparingTo("25723.52");
        assertThat(welfare.positions()).extracting(Holdings.Position::units).containsExactly(400L, 1923L + 50L);
    }

    @Test
    void every_holder_has_the_units_of_the_allocation_and_the_trades_and_the_cash_of_the_dividend() {
        assertThat(holdings(BANK, null).positions()).extracting(Holdings.Position::units).containsExactly(3077L - 100L - 400L);
        assertThat(holdings(BANK, null).cash()).isEqualByComparingTo("87170.23");
        assertThat(holdings(GIULIA, null).positions()).extracting(Holdings.Position::units).containsExactly(231L + 100L);
        assertThat(holdings(GIULIA, null).cash()).isEqualByComparingTo("1765.67");
        assertThat(holdings(MARCO, null).positions()).extracting(Holdings.Position::units).containsExactly(154L - 50L);
        assertThat(holdings(MARCO, null).cash()).isEqualByComparingTo("3484.20");
    }

    @Test
    void cash_is_conserved_what_investors_and_issuers_hold_is_what_was_deposited() {
        BigDecimal investors = List.of(FOUNDATION, BANK, WELFARE, GIULIA, MARCO).stream().map(i -> holdings(i, null).cash())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal issuers = views.one(new FindIssuer(LAVORO), IssuerDetails.class).issuer().cash()
                .add(views.one(new FindIssuer(CER), IssuerDetails.class).issuer().cash());

        assertThat(investors).isEqualByComparingTo("152700.00");
        assertThat(investors.add(issuers)).isEqualByComparingTo("536000.00");
    }

    @Test
    void holdings_as_of_a_business_date_leave_out_what_happened_later() {
        Holdings beforeTrading = holdings(WELFARE, "2026-04-07");
        Holdings bidPlaced = holdings(WELFARE, "2026-04-08");
        Holdings partlyFilled = holdings(WELFARE, "2026-04-09");
        Holdings duringSubscriptions = holdings(WELFARE, "2026-02-27");

        assertThat(beforeTrading.cash()).isEqualByComparingTo("31925.00");
        assertThat(beforeTrading.reserved()).isEqualByComparingTo("0.00");
        assertThat(beforeTrading.positions()).extracting(Holdings.Position::units).containsExactly(400L, 1923L);
        assertThat(bidPlaced.reserved()).isEqualByComparingTo("7740.00");
        assertThat(bidPlaced.available()).isEqualByComparingTo("24185.00");
        assertThat(partlyFilled.cash()).isEqualByComparingTo("30635.00");
        assertThat(partlyFilled.reserved()).isEqualByComparingTo("6450.00");
        assertThat(partlyFilled.positions()).extracting(Holdings.Position::units).containsExactly(400L, 1973L);
        // both subscriptions reserved, nothing allocated yet: 40,000.00 + 62,500.00
        assertThat(duringSubscriptions.cash()).isEqualByComparingTo("120000.00");
        assertThat(duringSubscriptions.reserved()).isEqualByComparingTo("102500.00");
        assertThat(duringSubscriptions.positions()).isEmpty();
    }

    @Test
    void portfolio_impact_attributes_each_issuers_verified_outcomes_by_the_share_held() {
        PortfolioImpactReport foundation = impact(FOUNDATION, null, NOW);

        assertThat(foundation.issuers()).extracting(IssuerImpact::issuerId).containsExactly(CER.value(), LAVORO.value());
        IssuerImpact cer = foundation.issuers().get(0);
        // 1,000 of 1,400 bonds: 5/7
        assertThat(cer.share()).isEqualByComparingTo("0.71428571");
        assertThat(cer.outcomes()).extracting(AttributedOutcome::metricCode, AttributedOutcome::sdgTarget, AttributedOutcome::period,
                        AttributedOutcome::attributedQuantity)
                .containsExactly(
                        tuple("ENERGY-POVERTY-HOUSEHOLDS", "7.1", "2026-Q3", new BigDecimal("25.0000")),
                        // 412.50 × 5/7 = 294.642857… rounded down
                        tuple("RENEWABLE-MWH", "7.2", "2026-Q3", new BigDecimal("294.6428")));
        IssuerImpact lavoro = foundation.issuers().get(1);
        assertThat(lavoro.name()).isEqualTo("Lavoro Insieme Società Cooperativa Sociale");
        assertThat(lavoro.share()).isEqualByComparingTo("0.5015");
        assertThat(lavoro.positions()).extracting(PortfolioImpactReport.ImpactPosition::instrumentId, PortfolioImpactReport.ImpactPosition::units,
                        PortfolioImpactReport.ImpactPosition::unitsOutstanding)
                .containsExactly(tuple(SHARE.value(), 5015L, 10_000L));
        assertThat(lavoro.positions().get(0).capitalRaised()).isEqualByComparingTo("250000.00");
        // only the verified Q2 placements count (22 of 24 reported); the rejected trainees and the unverified Q3 do not
        assertThat(lavoro.outcomes()).extracting(AttributedOutcome::metricCode, AttributedOutcome::verifiedQuantity, AttributedOutcome::attributedQuantity)
                .containsExactly(tuple("JOB-PLACEMENT", new BigDecimal("22"), new BigDecimal("11.0330")));
    }

    @Test
    void the_attributions_of_all_holders_never_add_up_to_more_than_was_verified() {
        BigDecimal renewable = List.of(FOUNDATION, WELFARE).stream()
                .map(i -> impact(i, null, NOW).issuers().get(0).outcomes().get(1).attributedQuantity())
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        // 294.6428 + 117.8571: each rounded down
        assertThat(renewable).isEqualByComparingTo("412.4999");
    }

    @Test
    void portfolio_impact_as_of_a_date_uses_the_holdings_and_verifications_of_that_date() {
        PortfolioImpactReport march = impact(GIULIA, "2026-03-31", NOW);
        PortfolioImpactReport dayBeforeVerification = impact(GIULIA, "2026-07-30", NOW);
        PortfolioImpactReport verificationDay = impact(GIULIA, "2026-07-31", NOW);

        // 231 units from the allocation, before buying 100 on 2026-04-07; nothing verified yet
        assertThat(march.issuers()).singleElement().satisfies(i -> {
            assertThat(i.share()).isEqualByComparingTo("0.0231");
            assertThat(i.outcomes()).isEmpty();
        });
        assertThat(dayBeforeVerification.issuers().get(0).share()).isEqualByComparingTo("0.0331");
        assertThat(dayBeforeVerification.issuers().get(0).outcomes()).isEmpty();
        // 22 × 331 / 10,000 = 0.7282
        assertThat(verificationDay.issuers().get(0).outcomes()).extracting(AttributedOutcome::attributedQuantity)
                .containsExactly(new BigDecimal("0.7282"));
        assertThat(impact(GIULIA, "2026-01-31", NOW).issuers()).isEmpty();
    }

    @Test
    void portfolio_impact_as_known_before_the_verification_was_recorded_shows_no_outcome() {
        DomainEventMessage<?> verification = ExchangeHistory.events().stream()
                .filter(e -> e.getPayload() instanceof IssuerOutcomeVerified v && v.issuerId().equals(LAVORO))
                .findFirst().orElseThrow();

        PortfolioImpactReport before = impact(GIULIA, null, verification.getTimestamp().minusNanos(1000));
        PortfolioImpactReport at = impact(GIULIA, null, verification.getTimestamp());

        assertThat(before.issuers().get(0).outcomes()).isEmpty();
        assertThat(at.issuers().get(0).outcomes()).extracting(AttributedOutcome::attributedQuantity).containsExactly(new BigDecimal("0.7282"));
    }

    @Test
    void an_investor_without_an_exchange_account_has_no_holdings_and_no_impact() {
        assertThat(views.one(new FindHoldings(InvestorId.of("nobody"), null, NOW), Holdings.class)).isNull();
        assertThat(views.one(new FindPortfolioImpact(InvestorId.of("nobody"), null, NOW), PortfolioImpactReport.class)).isNull();
    }

    @Test
    void holdings_are_built_by_their_own_processing_group() {
        assertThat(ExchangeHoldingsProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("exchange-holdings");
    }
}

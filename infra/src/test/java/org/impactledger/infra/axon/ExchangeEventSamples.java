package org.impactledger.infra.axon;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.impactledger.core.exchange.BondTerms;
import org.impactledger.core.exchange.IncomeKind;
import org.impactledger.core.exchange.InstrumentType;
import org.impactledger.core.exchange.OrderSide;
import org.impactledger.core.exchange.ReservationPurpose;
import org.impactledger.core.exchange.event.AccountOpened;
import org.impactledger.core.exchange.event.Allocation;
import org.impactledger.core.exchange.event.CashDeposited;
import org.impactledger.core.exchange.event.CashReleased;
import org.impactledger.core.exchange.event.CashReserved;
import org.impactledger.core.exchange.event.CashWithdrawn;
import org.impactledger.core.exchange.event.IncomeFunded;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.IncomeReceived;
import org.impactledger.core.exchange.event.IncomeShare;
import org.impactledger.core.exchange.event.InstrumentDelisted;
import org.impactledger.core.exchange.event.InstrumentListed;
import org.impactledger.core.exchange.event.IssuerAdmitted;
import org.impactledger.core.exchange.event.IssuerCashDeposited;
import org.impactledger.core.exchange.event.IssuerCashWithdrawn;
import org.impactledger.core.exchange.event.IssuerOutcomeRejected;
import org.impactledger.core.exchange.event.IssuerOutcomeReported;
import org.impactledger.core.exchange.event.IssuerOutcomeVerified;
import org.impactledger.core.exchange.event.IssuerReinstated;
import org.impactledger.core.exchange.event.IssuerSuspended;
import org.impactledger.core.exchange.event.OfferingCancelled;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.OfferingOpened;
import org.impactledger.core.exchange.event.OfferingProceedsReceived;
import org.impactledger.core.exchange.event.OrderCancelled;
import org.impactledger.core.exchange.event.OrderPlaced;
import org.impactledger.core.exchange.event.PurchaseSettled;
import org.impactledger.core.exchange.event.SaleSettled;
import org.impactledger.core.exchange.event.SubscriptionReceived;
import org.impactledger.core.exchange.event.SubscriptionSettled;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.impactledger.core.shared.OrderId;
import org.impactledger.core.shared.OutcomeId;

/**
 * Samples of every exchange event, as three consistent streams (an issuer, its social bond, one
 * investor's account) that the aggregates can be rebuilt from: the approval test pins one sample
 * of each type, the snapshot test replays the streams.
 *
 * <p>The bond's first offering of 1,000 units at 100.00 is oversubscribed (800 + 400): pro rata
 * 666.67 and 333.33, rounded down to 666 and 333, the one unit left to the larger fraction (INV-1).
 * INV-2 then buys 60 at INV-1's resting 101.50 (limit 102.00), and the coupon of 100.00 × 3.5% ÷ 2 =
 * 1.75 a unit pays 607 × 1.75 = 1,062.25 and 393 × 1.75 = 687.75.
 */
final class ExchangeEventSamples {

    static final IssuerId ISSUER = IssuerId.of("issuer-1");
    static final InstrumentId BOND = InstrumentId.of("bond-1");
    static final OfferingId OFFERING = OfferingId.of("off-1");
    static final OfferingId SECOND_OFFERING = OfferingId.of("off-2");
    static final InvestorId INVESTOR_1 = InvestorId.of("inv-1");
    static final InvestorId INVESTOR_2 = InvestorId.of("inv-2");
    static final OrderId SELL_1 = OrderId.of("s-1");
    static final OrderId BUY_1 = OrderId.of("b-1");
    static final OrderId BUY_2 = OrderId.of("b-2");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private ExchangeEventSamples() {
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static final TradeExecuted TRADE = new TradeExecuted(BOND, 1, BUY_1, INVESTOR_2, SELL_1, INVESTOR_1, OrderSide.BUY, 60, eur("101.50"),
            eur("6090.00"), 0, 40, DAY.plusDays(21));

    static final OfferingClosed CLOSED = new OfferingClosed(BOND, ISSUER, OFFERING, 1000, 1200, 1000, eur("100.00"), eur("100000.00"),
            DAY.plusDays(14), List.of(
                    new Allocation(INVESTOR_1, 800, 667, eur("66700.00"), eur("13300.00")),
                    new Allocation(INVESTOR_2, 400, 333, eur("33300.00"), eur("6700.00"))));

    static final IncomePaid COUPON = new IncomePaid(BOND, ISSUER, "coupon-2026-1", IncomeKind.COUPON, eur("1750.00"), 1000, DAY.plusDays(30),
            DAY.plusDays(45), List.of(new IncomeShare(INVESTOR_1, 607, eur("1062.25")), new IncomeShare(INVESTOR_2, 393, eur("687.75"))));

    /** The issuer's stream. */
    static List<Object> issuer() {
        return List.of(
                new IssuerAdmitted(ISSUER, "Cooperativa Sociale Lavoro Insieme", "EUR", List.of("8.5", "10.2"), DAY.minusDays(30)),
                new IssuerCashDeposited(ISSUER, eur("5000.00"), "SEPA-ISS-1", DAY.minusDays(20)),
                new IssuerOutcomeReported(ISSUER, OutcomeId.of("o-1"), "JOB-PLACEMENT", "8.5", new BigDecimal("24"), "2026-Q2", "issuer-anna"),
                new IssuerOutcomeVerified(ISSUER, OutcomeId.of("o-1"), new BigDecimal("22"), "checked against payroll records", "verifier-bruno"),
                new IssuerOutcomeReported(ISSUER, OutcomeId.of("o-2"), "TRAINING-HOURS", "10.2", new BigDecimal("310.50"), "2026-Q2", "issuer-anna"),
                new IssuerOutcomeRejected(ISSUER, OutcomeId.of("o-2"), "attendance sheets missing", "verifier-bruno"),
                new OfferingProceedsReceived(ISSUER, BOND, OFFERING, eur("100000.00"), DAY.plusDays(14)),
                new IncomeFunded(ISSUER, BOND, "coupon-2026-1", IncomeKind.COUPON, eur("1750.00"), DAY.plusDays(45)),
                new IssuerCashWithdrawn(ISSUER, eur("50000.00"), "SEPA-ISS-2", DAY.plusDays(50)),
                new IssuerSuspended(ISSUER, "annual accounts not filed", DAY.plusDays(70)),
                new IssuerReinstated(ISSUER, "annual accounts filed", DAY.plusDays(80)));
    }

    /** The bond's stream up to the second offering's cancellation: one sell order of INV-1 still rests with 40 units. */
    static List<Object> instrument() {
        return List.of(
                new InstrumentListed(BOND, ISSUER, "Lavoro Insieme social bond 3.5% 2031", InstrumentType.SOCIAL_BOND, "EUR",
                        new BondTerms(eur("100.00"), new BigDecimal("0.035"), 2, LocalDate.of(2031, 3, 31)), DAY),
                new OfferingOpened(BOND, OFFERING, 1000, eur("100.00"), DAY, DAY.plusDays(14)),
                new SubscriptionReceived(BOND, OFFERING, INVESTOR_1, 800, eur("80000.00"), DAY.plusDays(1)),
                new SubscriptionReceived(BOND, OFFERING, INVESTOR_2, 400, eur("40000.00"), DAY.plusDays(2)),
                CLOSED,
                new OrderPlaced(BOND, SELL_1, INVESTOR_1, OrderSide.SELL, 100, eur("101.50"), 1, DAY.plusDays(20)),
                new OrderPlaced(BOND, BUY_1, INVESTOR_2, OrderSide.BUY, 60, eur("102.00"), 2, DAY.plusDays(21)),
                TRADE,
                new OrderPlaced(BOND, BUY_2, INVESTOR_2, OrderSide.BUY, 10, eur("99.00"), 3, DAY.plusDays(22)),
                new OrderCancelled(BOND, BUY_2, INVESTOR_2, OrderSide.BUY, 10, "cancelled by the investor", DAY.plusDays(23)),
                COUPON,
                new OfferingOpened(BOND, SECOND_OFFERING, 500, eur("101.00"), DAY.plusDays(50), DAY.plusDays(64)),
                new OfferingCancelled(BOND, SECOND_OFFERING, "no demand", DAY.plusDays(60)));
    }

    /** The end of the bond's stream: delisting cancels the resting sell order first. */
    static List<Object> instrumentDelisting() {
        return List.of(
                new OrderCancelled(BOND, SELL_1, INVESTOR_1, OrderSide.SELL, 40, "instrument delisted: redeemed early", DAY.plusDays(90)),
                new InstrumentDelisted(BOND, ISSUER, "redeemed early", DAY.plusDays(90)));
    }

    /** INV-2's account stream. */
    static List<Object> account() {
        return List.of(
                new AccountOpened(INVESTOR_2, "EUR", DAY.minusDays(10)),
                new CashDeposited(INVESTOR_2, eur("50000.00"), "SEPA-INV-2", DAY.minusDays(5)),
                new CashReserved(INVESTOR_2, BOND, ReservationPurpose.SUBSCRIPTION, OFFERING.value(), eur("40000.00")),
                new SubscriptionSettled(INVESTOR_2, BOND, OFFERING, 400, 333, eur("100.00"), eur("33300.00"), eur("6700.00"), DAY.plusDays(14)),
                new CashReserved(INVESTOR_2, BOND, ReservationPurpose.BUY_ORDER, BUY_1.value(), eur("6120.00")),
                new PurchaseSettled(INVESTOR_2, BOND, BUY_1, 1, 60, eur("101.50"), eur("6090.00"), eur("6120.00"), DAY.plusDays(21)),
                new CashReserved(INVESTOR_2, BOND, ReservationPurpose.BUY_ORDER, BUY_2.value(), eur("990.00")),
                new IncomeReceived(INVESTOR_2, BOND, "coupon-2026-1", IncomeKind.COUPON, 393, eur("687.75"), DAY.plusDays(30), DAY.plusDays(45)),
                new CashWithdrawn(INVESTOR_2, eur("1000.00"), "SEPA-INV-2-OUT", DAY.plusDays(50)));
    }

    /** Events of INV-1's account and of INV-2's that the account stream above leaves out. */
    static List<Object> otherAccountEvents() {
        return List.of(
                new SaleSettled(INVESTOR_1, BOND, SELL_1, 1, 60, eur("101.50"), eur("6090.00"), DAY.plusDays(21)),
                new CashReleased(INVESTOR_2, BOND, ReservationPurpose.BUY_ORDER, BUY_2.value(), eur("990.00"), "cancelled by the investor"));
    }

    /** One sample of every exchange event type, the first of its type in the streams above. */
    static List<Object> all() {
        List<Object> every = new ArrayList<>();
        every.addAll(issuer());
        every.addAll(instrument());
        every.addAll(instrumentDelisting());
        every.addAll(account());
        every.addAll(otherAccountEvents());
        Map<Class<?>, Object> firstOfType = new LinkedHashMap<>();
        every.forEach(e -> firstOfType.putIfAbsent(e.getClass(), e));
        return List.copyOf(firstOfType.values());
    }
}

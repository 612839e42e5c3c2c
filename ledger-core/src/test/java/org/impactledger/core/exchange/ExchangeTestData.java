package org.impactledger.core.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.impactledger.core.exchange.command.AdmitIssuer;
import org.impactledger.core.exchange.command.ListInstrument;
import org.impactledger.core.exchange.command.OpenOffering;
import org.impactledger.core.exchange.command.PlaceOrder;
import org.impactledger.core.exchange.command.SubscribeToOffering;
import org.impactledger.core.exchange.event.AccountOpened;
import org.impactledger.core.exchange.event.Allocation;
import org.impactledger.core.exchange.event.CashDeposited;
import org.impactledger.core.exchange.event.InstrumentListed;
import org.impactledger.core.exchange.event.IssuerAdmitted;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.OfferingOpened;
import org.impactledger.core.exchange.event.OrderPlaced;
import org.impactledger.core.exchange.event.SubscriptionReceived;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.impactledger.core.shared.OrderId;

/**
 * Shared test data for the exchange: Homes4All, a social enterprise of Turin's housing emergency,
 * admitted with SDG focus 11.1 and 1.4, listing a share, a social bond and a donation instrument,
 * and the investors who trade them. Commands and the events they should produce are built from the
 * same values, so that a test changes only what it is about.
 */
final class ExchangeTestData {

    static final String EUR = "EUR";

    static final IssuerId ISSUER = IssuerId.of("ISS-HOMES4ALL");
    static final String ISSUER_NAME = "Homes4All Società Benefit";
    static final List<String> FOCUS = List.of("11.1", "1.4");
    static final LocalDate ADMITTED = LocalDate.of(2025, 1, 10);

    static final InstrumentId SHARE = InstrumentId.of("H4A-SHARE");
    static final InstrumentId BOND = InstrumentId.of("H4A-BOND-2030");
    static final InstrumentId ZCZP = InstrumentId.of("H4A-ZCZP-1");
    static final LocalDate LISTED = LocalDate.of(2025, 2, 3);
    static final LocalDate MATURITY = LocalDate.of(2030, 2, 3);
    /** 100 EUR a unit, 3.5% a year paid twice a year: 1.75 EUR a unit per coupon. */
    static final BondTerms BOND_TERMS = new BondTerms(eur("100"), new BigDecimal("0.035"), 2, MATURITY);

    static final OfferingId OFFERING = OfferingId.of("OFF-1");
    static final LocalDate OPENS = LocalDate.of(2025, 2, 10);
    static final LocalDate CLOSES = LocalDate.of(2025, 2, 28);
    static final Money PRICE = eur("10.00");
    /** The first trading day after the first offering. */
    static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    static final InvestorId ANNA = InvestorId.of("inv-anna");
    static final InvestorId BRUNO = InvestorId.of("inv-bruno");
    static final InvestorId CARLA = InvestorId.of("inv-carla");
    static final InvestorId DARIO = InvestorId.of("inv-dario");
    static final InvestorId ELENA = InvestorId.of("inv-elena");

    static final String REPORTER = "issuer.giulia";
    static final String VERIFIER = "verifier.marco";

    private ExchangeTestData() {
    }

    static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    // ---------------------------------------------------------------- issuer and accounts

    static AdmitIssuer admitIssuer() {
        return new AdmitIssuer(ISSUER, ISSUER_NAME, EUR, FOCUS, ADMITTED);
    }

    static IssuerAdmitted issuerAdmitted() {
        return new IssuerAdmitted(ISSUER, ISSUER_NAME, EUR, FOCUS, ADMITTED);
    }

    static IssuerStanding standing(boolean suspended) {
        return new IssuerStanding(ISSUER, ISSUER_NAME, EUR, ADMITTED, suspended);
    }

    static AccountOpened accountOpened(InvestorId investor) {
        return new AccountOpened(investor, EUR, ADMITTED);
    }

    static CashDeposited deposited(InvestorId investor, String amount) {
        return new CashDeposited(investor, eur(amount), "SEPA-" + investor.value(), ADMITTED);
    }

    // ---------------------------------------------------------------- instruments

    static BondTerms bondTerms() {
        return BOND_TERMS;
    }

    static ListInstrument listInstrument(InstrumentId id, InstrumentType type) {
        return new ListInstrument(id, ISSUER, nameOf(id), type, type == InstrumentType.SOCIAL_BOND ? BOND_TERMS : null, LISTED);
    }

    static ListInstrument listBond(BondTerms terms) {
        return new ListInstrument(BOND, ISSUER, nameOf(BOND), InstrumentType.SOCIAL_BOND, terms, LISTED);
    }

    static InstrumentListed listed(InstrumentId id, InstrumentType type) {
        return new InstrumentListed(id, ISSUER, nameOf(id), type, EUR, type == InstrumentType.SOCIAL_BOND ? BOND_TERMS : null, LISTED);
    }

    static InstrumentListed shareListed() {
        return listed(SHARE, InstrumentType.SHARE);
    }

    static String nameOf(InstrumentId id) {
        return "Homes4All " + id.value();
    }

    /** The type the test data gives each instrument id. */
    static InstrumentType typeOf(InstrumentId id) {
        return id.equals(BOND) ? InstrumentType.SOCIAL_BOND : id.equals(ZCZP) ? InstrumentType.ZERO_COUPON_ZERO_PRINCIPAL : InstrumentType.SHARE;
    }

    // ---------------------------------------------------------------- offerings

    static OpenOffering openOffering(InstrumentId id, long size) {
        return new OpenOffering(id, OFFERING, size, PRICE, OPENS, CLOSES);
    }

    static OfferingOpened offeringOpened(InstrumentId id, long size) {
        return new OfferingOpened(id, OFFERING, size, PRICE, OPENS, CLOSES);
    }

    static SubscribeToOffering subscribe(InstrumentId id, InvestorId investor, long quantity) {
        return new SubscribeToOffering(id, OFFERING, investor, quantity, OPENS);
    }

    static SubscriptionReceived subscribed(InstrumentId id, InvestorId investor, long quantity) {
        return new SubscriptionReceived(id, OFFERING, investor, quantity, Checks.times(PRICE, quantity), OPENS);
    }

    static Allocation allocation(InvestorId investor, long subscribed, long allocated) {
        return new Allocation(investor, subscribed, allocated, Checks.times(PRICE, allocated), Checks.times(PRICE, subscribed - allocated));
    }

    static OfferingClosed offeringClosed(InstrumentId id, long size, LocalDate closedOn, Allocation... allocations) {
        long subscribed = 0;
        long allocated = 0;
        for (Allocation a : allocations) {
            subscribed += a.subscribed();
            allocated += a.allocated();
        }
        return new OfferingClosed(id, ISSUER, OFFERING, size, subscribed, allocated, PRICE, Checks.times(PRICE, allocated), closedOn,
                List.of(allocations));
    }

    /**
     * The instrument listed, and a first offering at 10.00 EUR that gave each investor the units
     * that follow them ({@code ANNA, 100, BRUNO, 50}), closed on {@link #CLOSES}.
     */
    static List<Object> heldBy(InstrumentId id, Object... investorsAndUnits) {
        List<Object> events = new ArrayList<>();
        events.add(listed(id, typeOf(id)));
        List<Allocation> allocations = new ArrayList<>();
        long size = 0;
        for (int i = 0; i < investorsAndUnits.length; i += 2) {
            long units = ((Number) investorsAndUnits[i + 1]).longValue();
            size += units;
            allocations.add(allocation((InvestorId) investorsAndUnits[i], units, units));
        }
        events.add(offeringOpened(id, size));
        for (Allocation a : allocations) {
            events.add(subscribed(id, a.investorId(), a.subscribed()));
        }
        events.add(offeringClosed(id, size, CLOSES, allocations.toArray(Allocation[]::new)));
        return events;
    }

    // ---------------------------------------------------------------- orders and trades

    static PlaceOrder buy(String orderId, InvestorId investor, long quantity, String price) {
        return new PlaceOrder(SHARE, OrderId.of(orderId), investor, OrderSide.BUY, quantity, eur(price), DAY);
    }

    static PlaceOrder sell(String orderId, InvestorId investor, long quantity, String price) {
        return new PlaceOrder(SHARE, OrderId.of(orderId), investor, OrderSide.SELL, quantity, eur(price), DAY);
    }

    static OrderPlaced placed(PlaceOrder order, long sequence) {
        return new OrderPlaced(order.instrumentId(), order.orderId(), order.investorId(), order.side(), order.quantity(), order.limitPrice(),
                sequence, order.placedOn());
    }

    /** A trade on the share on {@link #DAY}, as the matching writes it. */
    static TradeExecuted trade(long number, PlaceOrder buy, PlaceOrder sell, OrderSide aggressor, long quantity, String price,
                               long buyRemaining, long sellRemaining) {
        return new TradeExecuted(SHARE, number, buy.orderId(), buy.investorId(), sell.orderId(), sell.investorId(), aggressor, quantity,
                eur(price), Checks.times(eur(price), quantity), buyRemaining, sellRemaining, DAY);
    }

    // ---------------------------------------------------------------- lists of events

    /** The given events and (nested) lists of events, flattened. */
    static List<Object> events(Object... eventsOrLists) {
        List<Object> events = new ArrayList<>();
        flatten(List.of(eventsOrLists), events);
        return events;
    }

    private static void flatten(Collection<?> items, List<Object> into) {
        for (Object item : items) {
            if (item instanceof Collection<?> many) {
                flatten(many, into);
            } else {
                into.add(item);
            }
        }
    }
}

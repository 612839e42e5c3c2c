package org.impactledger.core.exchange;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.impactledger.core.exchange.Checks.required;
import static org.impactledger.core.exchange.Checks.requireAmount;
import static org.impactledger.core.exchange.Checks.requireNotBefore;
import static org.impactledger.core.exchange.Checks.requireText;
import static org.impactledger.core.exchange.Checks.requireUnits;
import static org.impactledger.core.exchange.Checks.times;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.impactledger.core.exchange.command.CancelOffering;
import org.impactledger.core.exchange.command.CancelOrder;
import org.impactledger.core.exchange.command.CloseOffering;
import org.impactledger.core.exchange.command.DelistInstrument;
import org.impactledger.core.exchange.command.ListInstrument;
import org.impactledger.core.exchange.command.OpenOffering;
import org.impactledger.core.exchange.command.PayCoupon;
import org.impactledger.core.exchange.command.PayDividend;
import org.impactledger.core.exchange.command.PlaceOrder;
import org.impactledger.core.exchange.command.SubscribeToOffering;
import org.impactledger.core.exchange.event.Allocation;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.IncomeShare;
import org.impactledger.core.exchange.event.InstrumentDelisted;
import org.impactledger.core.exchange.event.InstrumentListed;
import org.impactledger.core.exchange.event.OfferingCancelled;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.OfferingOpened;
import org.impactledger.core.exchange.event.OrderCancelled;
import org.impactledger.core.exchange.event.OrderPlaced;
import org.impactledger.core.exchange.event.SubscriptionReceived;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.impactledger.core.shared.OrderId;

/**
 * The market in one listed instrument: its listing, its primary offerings, its order book and its
 * register of holders (units per investor, and how many of them are offered in open sell orders).
 *
 * <p>It is the consistency boundary for units: "no selling what one does not hold" is checked
 * against the register here ({@code units − offered}), units are issued only by an offering's
 * allocation and only ever move from seller to buyer in a {@link TradeExecuted}, so units are
 * conserved by construction. Cash lives in the investors' {@link Account}s and the {@link Issuer};
 * every cash consequence of a decision made here goes through {@link Settlement} in the same unit
 * of work (see {@link ExchangeHandler}).
 *
 * <h2>Matching</h2>
 * Continuous, by price-time priority. An incoming limit order first reserves what it may need (a
 * buy: quantity × limit price of the buyer's available cash; a sell: units the seller holds and has
 * not yet offered), then trades against the best resting order on the other side for as long as
 * the prices cross: for an incoming buy the lowest-priced sell, for an incoming sell the
 * highest-priced buy, and at equal prices the order placed first (lowest {@code sequence}, which
 * the instrument assigns 1, 2, 3 ... as orders arrive). Each fill is for the smaller of the two
 * remaining quantities and <b>trades at the resting order's price</b>, so an incoming order never
 * pays more (or receives less) than its limit and the buyer keeps any price improvement: the
 * buy reservation used is quantity × the buy limit, the cash paid quantity × the trade price.
 * What is left of the incoming order rests in the book. An investor cannot trade with themselves:
 * an order that would cross one of their own resting orders is refused.
 *
 * <h2>Primary offerings</h2>
 * One offering at a time: a size in units, a price per unit and a subscription window. Each
 * subscription reserves quantity × price. At the close, if the subscriptions do not exceed the size,
 * everyone gets what they asked for; otherwise units are allocated pro rata to the quantities
 * subscribed by the largest-remainder method ({@link ProRata}) on whole units: each subscriber
 * first gets {@code size × subscribed / total subscribed} rounded down, and the units left over
 * (fewer than the subscribers) go one each in descending order of the fraction cut off, <b>equal
 * fractions to the earlier subscription</b>. Settlement is part of the close: allocated × price moves
 * to the issuer, the rest of each reservation is released, and the units enter the register.
 *
 * <h2>Income</h2>
 * Dividends (shares) and coupons (social bonds: face value × yearly rate ÷ coupons per year per
 * unit, the total rounded down to the cent) are paid from the issuer's cash to the holders on the
 * register at the record date, pro rata to units by the largest-remainder method on cents: rounded
 * down, then the leftover cents one each by descending cut-off fraction, <b>equal fractions by investor
 * id</b>. The register is taken as it stands when the payment is made, so the record date may not be
 * before the last change to the register, and once paid, the register is fixed through the record
 * date: later orders and closings must be dated after it. Dates on an instrument never go backwards.
 *
 * <p>A suspended issuer's instruments take no orders, subscriptions or offerings and close no
 * offering; resting orders stay in the book (and can be cancelled) until reinstatement. A delisted
 * instrument takes nothing but income payments; delisting cancels every resting order.
 *
 * <p>State is held in plain fields and changed only in the {@code @EventSourcingHandler}s, so that
 * the aggregate can be snapshotted by field.
 */
public class Instrument {

    private static final Set<Integer> COUPONS_PER_YEAR = Set.of(1, 2, 4, 12);
    private static final int COUPON_RATE_DECIMALS = 6;

    /** One holder's units on the register, and how many of them are offered in open sell orders. */
    record Holding(long units, long offered) {
        long available() {
            return units - offered;
        }
    }

    enum OfferingStatus { OPEN, CLOSED, CANCELLED }

    /** One subscription; the list order in {@link Offering} is the order of arrival. */
    record Subscription(InvestorId investorId, long quantity, Money amount) {
    }

    record Offering(OfferingId offeringId, long size, Money price, LocalDate opensOn, LocalDate closesOn, OfferingStatus status,
                    List<Subscription> subscriptions) {
        Offering with(OfferingStatus newStatus) {
            return new Offering(offeringId, size, price, opensOn, closesOn, newStatus, subscriptions);
        }

        Offering with(Subscription subscription) {
            List<Subscription> more = new ArrayList<>(subscriptions);
            more.add(subscription);
            return new Offering(offeringId, size, price, opensOn, closesOn, status, List.copyOf(more));
        }
    }

    @AggregateIdentifier
    private InstrumentId instrumentId;
    private IssuerId issuerId;
    private String name;
    private InstrumentType type;
    private String currency;
    private BondTerms bondTerms;
    private LocalDate listedOn;
    private boolean delisted;
    private LocalDate delistedOn;
    /** The latest date of anything that happened on the instrument: no command may be dated before it. */
    private LocalDate businessDate;
    /** The date of the last change to the register (a trade or an allocation). */
    private LocalDate lastMovementOn;
    /** The record date of the last income payment: the register is fixed through it. */
    private LocalDate recordedThrough;
    private long unitsOutstanding;
    /** By investor id. */
    private Map<String, Holding> register = new HashMap<>();
    /** By offering id. */
    private Map<String, Offering> offerings = new HashMap<>();
    /** Every order ever placed, by order id (so that order ids stay unique). */
    private Map<String, OrderState> orders = new HashMap<>();
    /**
     * The open ones among {@link #orders}: derived, so not part of the snapshot ({@code transient}).
     * Built on first use and then kept by {@link #putOrder}, so that matching an order looks at the
     * book, not at every order the instrument ever had.
     */
    private transient Map<String, OrderState> open;
    private long orderSequence;
    private long tradeCount;
    /** Income payment id → total paid. */
    private Map<String, Money> incomePayments = new HashMap<>();

    /** For the framework (event sourcing and snapshots). */
    protected Instrument() {
    }

    // ---------------------------------------------------------------- listing

    /** Lists the instrument. Not a command handler: {@link ExchangeHandler} lends the settlement that knows the issuer. */
    public Instrument(ListInstrument command, Settlement settlement) {
        required(command.instrumentId(), "instrumentId");
        IssuerId issuer = required(command.issuerId(), "issuerId");
        if (command.actingIssuer() != null && !command.actingIssuer().equals(issuer)) {
            throw new DomainException(ErrorCode.NOT_OWNER, "issuerId",
                    "issuer " + command.actingIssuer() + " may list instruments only for itself, not for issuer " + issuer);
        }
        requireText(command.name(), "name");
        InstrumentType instrumentType = required(command.type(), "type");
        LocalDate on = required(command.listedOn(), "listedOn");
        IssuerStanding standing = settlement.issuer(issuer);
        if (standing.suspended()) {
            throw DomainException.state("issuer " + issuer + " is suspended and can list no instrument until it is reinstated");
        }
        requireNotBefore(on, standing.admittedOn(), "listedOn", "when issuer " + issuer + " was admitted");
        requireBondTerms(instrumentType, command.bondTerms(), standing, on);

        apply(new InstrumentListed(command.instrumentId(), issuer, command.name(), instrumentType, standing.currency(), command.bondTerms(), on));
    }

    public void delist(DelistInstrument command, Settlement settlement) {
        requireOwnIssuer(command.actingIssuer(), "delist");
        requireListed();
        requireText(command.reason(), "reason");
        LocalDate on = requireDated(command.delistedOn(), "delistedOn");
        Optional<Offering> open = openOffering();
        if (open.isPresent()) {
            throw DomainException.state("offering " + open.get().offeringId() + " is open; close or cancel it before delisting instrument " + instrumentId);
        }

        for (OrderState order : openOrders()) {
            cancelOpenOrder(order, "instrument delisted: " + command.reason(), on, settlement);
        }
        apply(new InstrumentDelisted(instrumentId, issuerId, command.reason(), on));
    }

    // ---------------------------------------------------------------- primary offerings

    public void openOffering(OpenOffering command, Settlement settlement) {
        requireOwnIssuer(command.actingIssuer(), "open offerings on");
        requireListed();
        requireIssuerActive(settlement, "new offerings");
        OfferingId offeringId = required(command.offeringId(), "offeringId");
        if (offerings.containsKey(offeringId.value())) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "offeringId", "offering " + offeringId + " already exists on instrument " + instrumentId);
        }
        Optional<Offering> open = openOffering();
        if (open.isPresent()) {
            throw DomainException.state("offering " + open.get().offeringId() + " is still open on instrument " + instrumentId
                    + "; close or cancel it first");
        }
        requireUnits(command.size(), "size");
        Money price = requireAmount(command.price(), currency, "instrument " + instrumentId + " trades in", "price");
        LocalDate opensOn = requireDated(command.opensOn(), "opensOn");
        LocalDate closesOn = required(command.closesOn(), "closesOn");
        if (closesOn.isBefore(opensOn)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "closesOn", "closesOn " + closesOn + " is before opensOn " + opensOn);
        }
        requireBeforeMaturity(closesOn, "closesOn");

        apply(new OfferingOpened(instrumentId, offeringId, command.size(), price, opensOn, closesOn));
    }

    public void subscribe(SubscribeToOffering command, Settlement settlement) {
        requireListed();
        Offering offering = offering(command.offeringId(), "subscribed to");
        requireIssuerActive(settlement, "subscriptions");
        InvestorId investorId = required(command.investorId(), "investorId");
        if (offering.subscriptions().stream().anyMatch(s -> s.investorId().equals(investorId))) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "investorId",
                    "investor " + investorId + " has already subscribed to offering " + offering.offeringId());
        }
        long quantity = requireUnits(command.quantity(), "quantity");
        LocalDate on = required(command.subscribedOn(), "subscribedOn");
        if (on.isBefore(offering.opensOn()) || on.isAfter(offering.closesOn())) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "subscribedOn", "subscribedOn " + on + " is outside the subscription window "
                    + offering.opensOn() + " to " + offering.closesOn() + " of offering " + offering.offeringId());
        }
        requireDated(on, "subscribedOn");
        Money amount = times(offering.price(), quantity);

        settlement.reserveCash(investorId, instrumentId, ReservationPurpose.SUBSCRIPTION, offering.offeringId().value(), amount, "quantity");
        apply(new SubscriptionReceived(instrumentId, offering.offeringId(), investorId, quantity, amount, on));
    }

    /**
     * Closes the offering, allocates (see the class comment for the pro-rata rule) and settles:
     * each subscriber pays for the units allocated and has the rest released, the issuer receives
     * the proceeds, and the units enter the register.
     */
    public void closeOffering(CloseOffering command, Settlement settlement) {
        requireOwnIssuer(command.actingIssuer(), "close offerings on");
        requireListed();
        Offering offering = offering(command.offeringId(), "closed");
        requireIssuerActive(settlement, "offering closings");
        LocalDate on = required(command.closedOn(), "closedOn");
        requireNotBefore(on, offering.closesOn(), "closedOn", "the last day of the subscription window of offering " + offering.offeringId());
        requireMovementDate(on, "closedOn");
        requireBeforeMaturity(on, "closedOn");

        List<Allocation> allocations = allocate(offering);
        long subscribed = allocations.stream().mapToLong(Allocation::subscribed).sum();
        long allocated = allocations.stream().mapToLong(Allocation::allocated).sum();
        OfferingClosed closing = new OfferingClosed(instrumentId, issuerId, offering.offeringId(), offering.size(), subscribed, allocated,
                offering.price(), times(offering.price(), allocated), on, allocations);
        apply(closing);
        for (Allocation allocation : allocations) {
            settlement.settleSubscription(closing, allocation);
        }
        if (closing.proceeds().isPositive()) {
            settlement.receiveOfferingProceeds(closing);
        }
    }

    /** Cancels an open offering and releases every subscription's reservation; allowed while the issuer is suspended. */
    public void cancelOffering(CancelOffering command, Settlement settlement) {
        requireOwnIssuer(command.actingIssuer(), "cancel offerings on");
        Offering offering = offering(command.offeringId(), "cancelled");
        requireText(command.reason(), "reason");
        LocalDate on = requireDated(command.cancelledOn(), "cancelledOn");

        apply(new OfferingCancelled(instrumentId, offering.offeringId(), command.reason(), on));
        for (Subscription subscription : offering.subscriptions()) {
            settlement.releaseCash(subscription.investorId(), instrumentId, ReservationPurpose.SUBSCRIPTION, offering.offeringId().value(),
                    subscription.amount(), "offering " + offering.offeringId() + " cancelled: " + command.reason());
        }
    }

    // ---------------------------------------------------------------- secondary market

    /** Places a limit order and matches it at once (see the class comment); returns what traded and what rests. */
    public OrderOutcome placeOrder(PlaceOrder command, Settlement settlement) {
        requireListed();
        if (!type.tradable()) {
            throw DomainException.state("instrument " + instrumentId + " is a zero-coupon-zero-principal donation instrument:"
                    + " its units record a gift and do not trade on the secondary market");
        }
        requireIssuerActive(settlement, "orders");
        OrderId orderId = required(command.orderId(), "orderId");
        if (orders.containsKey(orderId.value())) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "orderId", "order " + orderId + " already exists on instrument " + instrumentId);
        }
        InvestorId investorId = required(command.investorId(), "investorId");
        OrderSide side = required(command.side(), "side");
        long quantity = requireUnits(command.quantity(), "quantity");
        Money limit = requireAmount(command.limitPrice(), currency, "instrument " + instrumentId + " trades in", "limitPrice");
        LocalDate on = requireMovementDate(command.placedOn(), "placedOn");
        requireBeforeMaturity(on, "placedOn");
        Optional<OrderState> own = bestResting(side.opposite(), o -> o.investorId().equals(investorId) && o.crosses(limit));
        if (own.isPresent()) {
            throw new DomainException(ErrorCode.INVALID_STATE, "limitPrice", side + " at " + limit + " would trade with investor " + investorId
                    + "'s own resting " + own.get().side() + " order " + own.get().orderId() + " at " + own.get().limitPrice() + "; cancel that order first");
        }
        if (side == OrderSide.SELL) {
            requireUnitsToSell(investorId, quantity);
        } else {
            settlement.reserveCash(investorId, instrumentId, ReservationPurpose.BUY_ORDER, orderId.value(), times(limit, quantity), "quantity");
        }

        apply(new OrderPlaced(instrumentId, orderId, investorId, side, quantity, limit, orderSequence + 1, on));
        List<OrderFill> fills = match(orderId, on, settlement);
        OrderState placed = orders.get(orderId.value());
        return new OrderOutcome(orderId, quantity - placed.remaining(), placed.remaining(), placed.status(), fills);
    }

    /** The investor who placed an order cancels what is left of it; a buy order's reservation is released. */
    public void cancelOrder(CancelOrder command, Settlement settlement) {
        OrderId orderId = required(command.orderId(), "orderId");
        InvestorId investorId = required(command.investorId(), "investorId");
        OrderState order = orders.get(orderId.value());
        if (order == null || !order.investorId().equals(investorId)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "orderId", "investor " + investorId + " has no order " + orderId + " on instrument " + instrumentId);
        }
        if (order.status() != OrderStatus.OPEN) {
            throw DomainException.state("order " + orderId + " is " + order.status() + "; only an OPEN order can be cancelled");
        }
        LocalDate on = requireDated(command.cancelledOn(), "cancelledOn");

        cancelOpenOrder(order, "cancelled by the investor", on, settlement);
    }

    // ---------------------------------------------------------------- income

    public void payDividend(PayDividend command, Settlement settlement) {
        requireOwnIssuer(command.actingIssuer(), "pay dividends on");
        String paymentId = requireNewPayment(command.paymentId());
        if (type != InstrumentType.SHARE) {
            throw DomainException.state("only shares pay dividends; instrument " + instrumentId + " is a " + type);
        }
        Money amount = requireAmount(command.amount(), currency, "instrument " + instrumentId + " trades in", "amount");
        pay(paymentId, IncomeKind.DIVIDEND, amount, command.recordDate(), command.paymentDate(), "amount", settlement);
    }

    /** Pays one coupon: per unit face value × yearly rate ÷ coupons per year; the total over units outstanding rounded down to the cent. */
    public void payCoupon(PayCoupon command, Settlement settlement) {
        requireOwnIssuer(command.actingIssuer(), "pay coupons on");
        String paymentId = requireNewPayment(command.paymentId());
        if (type != InstrumentType.SOCIAL_BOND) {
            throw DomainException.state("only social bonds pay coupons; instrument " + instrumentId + " is a " + type);
        }
        LocalDate recordDate = required(command.recordDate(), "recordDate");
        if (recordDate.isAfter(bondTerms.maturity())) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "recordDate",
                    "recordDate " + recordDate + " is after the maturity " + bondTerms.maturity() + " of bond " + instrumentId);
        }
        pay(paymentId, IncomeKind.COUPON, couponTotal(), recordDate, command.paymentDate(), null, settlement);
    }

    /** The total of one coupon on the units outstanding now, rounded down to the cent. */
    public Money couponTotal() {
        BigDecimal exact = bondTerms.faceValue().amount().multiply(bondTerms.couponRate()).multiply(BigDecimal.valueOf(unitsOutstanding))
                .divide(BigDecimal.valueOf(bondTerms.couponsPerYear()), Money.SCALE, RoundingMode.DOWN);
        return Money.of(exact, currency);
    }

    // ---------------------------------------------------------------- read-only views

    public InstrumentId instrumentId() {
        return instrumentId;
    }

    public IssuerId issuerId() {
        return issuerId;
    }

    public InstrumentType type() {
        return type;
    }

    public String currency() {
        return currency;
    }

    public boolean delisted() {
        return delisted;
    }

    public long unitsOutstanding() {
        return unitsOutstanding;
    }

    /** Units the investor holds (including those offered in open sell orders). */
    public long units(InvestorId investorId) {
        return holding(investorId).units();
    }

    /** Units the investor has offered in open sell orders. */
    public long unitsOffered(InvestorId investorId) {
        return holding(investorId).offered();
    }

    /** The register: units per investor id, in investor id order. */
    public Map<String, Long> register() {
        Map<String, Long> units = new TreeMap<>();
        register.forEach((id, holding) -> units.put(id, holding.units()));
        return units;
    }

    /** Resting orders, in time priority (sequence) order. */
    public List<OrderState> openOrders() {
        return open().values().stream()
                .sorted(Comparator.comparingLong(OrderState::sequence))
                .toList();
    }

    public Optional<OrderState> findOrder(OrderId orderId) {
        return Optional.ofNullable(orders.get(orderId.value()));
    }

    // ---------------------------------------------------------------- event sourcing handlers

    @EventSourcingHandler
    void on(InstrumentListed event) {
        instrumentId = event.instrumentId();
        issuerId = event.issuerId();
        name = event.name();
        type = event.type();
        currency = event.currency();
        bondTerms = event.bondTerms();
        listedOn = event.listedOn();
        delisted = false;
        businessDate = event.listedOn();
        unitsOutstanding = 0;
        register = new HashMap<>();
        offerings = new HashMap<>();
        orders = new HashMap<>();
        open = null;
        incomePayments = new HashMap<>();
    }

    @EventSourcingHandler
    void on(InstrumentDelisted event) {
        delisted = true;
        delistedOn = event.delistedOn();
        advanceTo(event.delistedOn());
    }

    @EventSourcingHandler
    void on(OfferingOpened event) {
        offerings.put(event.offeringId().value(), new Offering(event.offeringId(), event.size(), event.price(), event.opensOn(), event.closesOn(),
                OfferingStatus.OPEN, List.of()));
    }

    @EventSourcingHandler
    void on(SubscriptionReceived event) {
        Offering offering = offerings.get(event.offeringId().value());
        offerings.put(event.offeringId().value(), offering.with(new Subscription(event.investorId(), event.quantity(), event.amount())));
        advanceTo(event.subscribedOn());
    }

    @EventSourcingHandler
    void on(OfferingClosed event) {
        offerings.put(event.offeringId().value(), offerings.get(event.offeringId().value()).with(OfferingStatus.CLOSED));
        for (Allocation allocation : event.allocations()) {
            Holding holding = holding(allocation.investorId());
            setHolding(allocation.investorId(), new Holding(holding.units() + allocation.allocated(), holding.offered()));
        }
        unitsOutstanding += event.allocated();
        if (event.allocated() > 0) {
            lastMovementOn = event.closedOn();
        }
        advanceTo(event.closedOn());
    }

    @EventSourcingHandler
    void on(OfferingCancelled event) {
        offerings.put(event.offeringId().value(), offerings.get(event.offeringId().value()).with(OfferingStatus.CANCELLED));
        advanceTo(event.cancelledOn());
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        putOrder(new OrderState(event.orderId(), event.investorId(), event.side(), event.quantity(), event.quantity(),
                event.limitPrice(), event.sequence(), event.placedOn(), OrderStatus.OPEN));
        orderSequence = event.sequence();
        if (event.side() == OrderSide.SELL) {
            Holding holding = holding(event.investorId());
            setHolding(event.investorId(), new Holding(holding.units(), holding.offered() + event.quantity()));
        }
        advanceTo(event.placedOn());
    }

    @EventSourcingHandler
    void on(TradeExecuted event) {
        putOrder(orders.get(event.buyOrderId().value()).traded(event.quantity()));
        putOrder(orders.get(event.sellOrderId().value()).traded(event.quantity()));
        Holding seller = holding(event.sellerId());
        setHolding(event.sellerId(), new Holding(seller.units() - event.quantity(), seller.offered() - event.quantity()));
        Holding buyer = holding(event.buyerId());
        setHolding(event.buyerId(), new Holding(buyer.units() + event.quantity(), buyer.offered()));
        tradeCount = event.tradeNumber();
        lastMovementOn = event.tradeDate();
        advanceTo(event.tradeDate());
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        putOrder(orders.get(event.orderId().value()).cancelled());
        if (event.side() == OrderSide.SELL) {
            Holding holding = holding(event.investorId());
            setHolding(event.investorId(), new Holding(holding.units(), holding.offered() - event.quantityCancelled()));
        }
        advanceTo(event.cancelledOn());
    }

    @EventSourcingHandler
    void on(IncomePaid event) {
        incomePayments.put(event.paymentId(), event.amount());
        recordedThrough = event.recordDate();
        advanceTo(event.recordDate());
    }

    /** The only way an order's state changes, so that {@link #open} follows {@link #orders} once it is built. */
    private void putOrder(OrderState order) {
        String id = order.orderId().value();
        orders.put(id, order);
        if (open != null) {
            if (order.status() == OrderStatus.OPEN) {
                open.put(id, order);
            } else {
                open.remove(id);
            }
        }
    }

    private Map<String, OrderState> open() {
        if (open == null) {
            open = new HashMap<>();
            orders.forEach((id, order) -> {
                if (order.status() == OrderStatus.OPEN) {
                    open.put(id, order);
                }
            });
        }
        return open;
    }

    // ---------------------------------------------------------------- matching

    /** Trades the incoming order against the book while prices cross; returns its fills in order. */
    private List<OrderFill> match(OrderId incomingId, LocalDate tradeDate, Settlement settlement) {
        List<OrderFill> fills = new ArrayList<>();
        OrderState incoming = orders.get(incomingId.value());
        while (incoming.remaining() > 0) {
            Money limit = incoming.limitPrice();
            Optional<OrderState> best = bestResting(incoming.side().opposite(), o -> o.crosses(limit));
            if (best.isEmpty()) {
                break;
            }
            OrderState resting = best.get();
            long quantity = Math.min(incoming.remaining(), resting.remaining());
            Money price = resting.limitPrice();
            OrderState buy = incoming.side() == OrderSide.BUY ? incoming : resting;
            OrderState sell = incoming.side() == OrderSide.BUY ? resting : incoming;
            TradeExecuted trade = new TradeExecuted(instrumentId, tradeCount + 1, buy.orderId(), buy.investorId(), sell.orderId(), sell.investorId(),
                    incoming.side(), quantity, price, times(price, quantity), buy.remaining() - quantity, sell.remaining() - quantity, tradeDate);
            apply(trade);
            settlement.settleTrade(trade, times(buy.limitPrice(), quantity));
            fills.add(new OrderFill(trade.tradeNumber(), trade.quantity(), trade.price(), trade.amount()));
            incoming = orders.get(incomingId.value());
        }
        return fills;
    }

    /**
     * The resting order on {@code side} with the best price (lowest sell, highest buy), then the
     * earliest sequence, among those that pass {@code filter}.
     */
    private Optional<OrderState> bestResting(OrderSide side, java.util.function.Predicate<OrderState> filter) {
        Comparator<OrderState> byPrice = Comparator.comparing(OrderState::limitPrice);
        Comparator<OrderState> priority = (side == OrderSide.SELL ? byPrice : byPrice.reversed()).thenComparingLong(OrderState::sequence);
        return open().values().stream()
                .filter(o -> o.side() == side)
                .filter(filter)
                .min(priority);
    }

    private void cancelOpenOrder(OrderState order, String reason, LocalDate on, Settlement settlement) {
        apply(new OrderCancelled(instrumentId, order.orderId(), order.investorId(), order.side(), order.remaining(), reason, on));
        if (order.side() == OrderSide.BUY) {
            settlement.releaseCash(order.investorId(), instrumentId, ReservationPurpose.BUY_ORDER, order.orderId().value(),
                    times(order.limitPrice(), order.remaining()), reason);
        }
    }

    private void requireUnitsToSell(InvestorId investorId, long quantity) {
        Holding holding = holding(investorId);
        if (quantity <= holding.available()) {
            return;
        }
        String held = holding.units() == 0 ? "investor " + investorId + " holds no units of instrument " + instrumentId
                : holding.offered() == 0 ? "investor " + investorId + " holds only " + holding.units() + " units of instrument " + instrumentId
                : "investor " + investorId + " can sell at most " + holding.available() + " units of instrument " + instrumentId + ": holds "
                        + holding.units() + ", of which " + holding.offered() + " already offered in open sell orders";
        throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "quantity", "cannot sell " + quantity + " units: " + held);
    }

    // ---------------------------------------------------------------- allocation and income

    private static List<Allocation> allocate(Offering offering) {
        List<Subscription> subscriptions = offering.subscriptions();
        long total = subscriptions.stream().mapToLong(Subscription::quantity).sum();
        List<Long> allocated = new ArrayList<>();
        if (total <= offering.size()) {
            subscriptions.forEach(s -> allocated.add(s.quantity()));
        } else {
            List<ProRata.Claim<Integer>> claims = new ArrayList<>();
            for (int i = 0; i < subscriptions.size(); i++) {
                claims.add(new ProRata.Claim<>(i, subscriptions.get(i).quantity())); // in order of arrival: ties go to the earlier
            }
            ProRata.split(offering.size(), claims).forEach(part -> allocated.add(part.part()));
        }
        List<Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            Subscription s = subscriptions.get(i);
            long units = allocated.get(i);
            allocations.add(new Allocation(s.investorId(), s.quantity(), units, times(offering.price(), units),
                    times(offering.price(), s.quantity() - units)));
        }
        return List.copyOf(allocations);
    }

    private void pay(String paymentId, IncomeKind kind, Money amount, LocalDate recordDate, LocalDate paymentDate, String amountField,
                     Settlement settlement) {
        required(recordDate, "recordDate");
        required(paymentDate, "paymentDate");
        if (paymentDate.isBefore(recordDate)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "paymentDate", "paymentDate " + paymentDate + " is before the recordDate " + recordDate);
        }
        requireNotBefore(recordDate, lastMovementOn, "recordDate", "the last change to the register of instrument " + instrumentId
                + " (income is paid to the register as it stands, which must be the register at the record date)");
        requireNotBefore(recordDate, recordedThrough, "recordDate", "the record date of the last income payment on instrument " + instrumentId);
        if (unitsOutstanding == 0) {
            throw DomainException.state("instrument " + instrumentId + " has no units outstanding to pay income on");
        }
        if (!amount.isPositive()) {
            throw DomainException.state("one coupon on " + unitsOutstanding + " units of bond " + instrumentId + " comes to less than a cent");
        }

        IncomePaid payment = new IncomePaid(instrumentId, issuerId, paymentId, kind, amount, unitsOutstanding, recordDate, paymentDate, split(amount));
        settlement.payIncome(payment, amountField);
        apply(payment);
    }

    /** Splits an income amount over the register by units: largest remainder on cents, ties by investor id; zero shares left out. */
    private List<IncomeShare> split(Money amount) {
        List<ProRata.Claim<String>> claims = new ArrayList<>();
        new TreeMap<>(register).forEach((id, holding) -> {
            if (holding.units() > 0) {
                claims.add(new ProRata.Claim<>(id, holding.units()));
            }
        });
        long cents = amount.amount().movePointRight(Money.SCALE).longValueExact();
        List<IncomeShare> shares = new ArrayList<>();
        for (ProRata.Part<String> part : ProRata.split(cents, claims)) {
            if (part.part() > 0) {
                shares.add(new IncomeShare(InvestorId.of(part.key()), register.get(part.key()).units(),
                        Money.of(BigDecimal.valueOf(part.part(), Money.SCALE), currency)));
            }
        }
        return List.copyOf(shares);
    }

    // ---------------------------------------------------------------- guards

    /**
     * Ownership, checked here rather than against a read model so that it holds the moment the
     * instrument is listed: an issuer acts only on its own instruments. {@code null} means the acting
     * principal is not acting as an issuer (an administrator). Checked before anything else, so a
     * refusal tells another issuer nothing about the instrument's state.
     */
    private void requireOwnIssuer(IssuerId acting, String what) {
        if (acting != null && !acting.equals(issuerId)) {
            throw new DomainException(ErrorCode.NOT_OWNER, "issuerId",
                    "issuer " + acting + " may not " + what + " instrument " + instrumentId + ", which belongs to another issuer");
        }
    }

    private void requireListed() {
        if (delisted) {
            throw DomainException.state("instrument " + instrumentId + " was delisted on " + delistedOn);
        }
    }

    private void requireIssuerActive(Settlement settlement, String what) {
        if (settlement.issuer(issuerId).suspended()) {
            throw DomainException.state("issuer " + issuerId + " is suspended: instrument " + instrumentId + " takes no " + what
                    + " until the issuer is reinstated");
        }
    }

    private Offering offering(OfferingId offeringId, String becoming) {
        required(offeringId, "offeringId");
        Offering offering = offerings.get(offeringId.value());
        if (offering == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "offeringId", "instrument " + instrumentId + " has no offering " + offeringId);
        }
        if (offering.status() != OfferingStatus.OPEN) {
            throw DomainException.state("offering " + offeringId + " is " + offering.status() + "; only an OPEN offering can be " + becoming);
        }
        return offering;
    }

    private Optional<Offering> openOffering() {
        return offerings.values().stream().filter(o -> o.status() == OfferingStatus.OPEN).findFirst();
    }

    /** A date on the instrument: required, and not before the latest business date (dates never go backwards). */
    private LocalDate requireDated(LocalDate date, String field) {
        required(date, field);
        return requireNotBefore(date, businessDate, field, "the latest business date of instrument " + instrumentId + " (its dates never go backwards)");
    }

    /** The date of a (possible) change to the register: as {@link #requireDated}, and after the last record date. */
    private LocalDate requireMovementDate(LocalDate date, String field) {
        requireDated(date, field);
        if (recordedThrough != null && !date.isAfter(recordedThrough)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, field, field + " " + date + " is not after " + recordedThrough
                    + ", the record date of the last income payment on instrument " + instrumentId + ": the register is fixed through that date");
        }
        return date;
    }

    private void requireBeforeMaturity(LocalDate date, String field) {
        if (bondTerms != null && !date.isBefore(bondTerms.maturity())) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, field,
                    field + " " + date + " is not before the maturity " + bondTerms.maturity() + " of bond " + instrumentId);
        }
    }

    private String requireNewPayment(String paymentId) {
        Identifier.requireValid(paymentId, "paymentId");
        if (incomePayments.containsKey(paymentId)) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "paymentId", "income payment " + paymentId + " was already made on instrument " + instrumentId);
        }
        return paymentId;
    }

    private static void requireBondTerms(InstrumentType type, BondTerms terms, IssuerStanding issuer, LocalDate listedOn) {
        if (type != InstrumentType.SOCIAL_BOND) {
            if (terms != null) {
                throw DomainException.invalid("bondTerms", "bondTerms apply only to a social bond, not to a " + type);
            }
            return;
        }
        if (terms == null) {
            throw DomainException.invalid("bondTerms", "bondTerms are required for a social bond");
        }
        requireAmount(terms.faceValue(), issuer.currency(), "issuer " + issuer.issuerId() + " keeps its cash in", "bondTerms.faceValue");
        BigDecimal rate = required(terms.couponRate(), "bondTerms.couponRate");
        if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw DomainException.invalid("bondTerms.couponRate",
                    "bondTerms.couponRate must be more than 0 and at most 1 (a yearly rate: 0.035 is 3.5%), was " + rate.toPlainString());
        }
        if (rate.stripTrailingZeros().scale() > COUPON_RATE_DECIMALS) {
            throw DomainException.invalid("bondTerms.couponRate",
                    "bondTerms.couponRate may have at most " + COUPON_RATE_DECIMALS + " decimals, was " + rate.toPlainString());
        }
        if (!COUPONS_PER_YEAR.contains(terms.couponsPerYear())) {
            throw DomainException.invalid("bondTerms.couponsPerYear", "bondTerms.couponsPerYear must be 1, 2, 4 or 12, was " + terms.couponsPerYear());
        }
        LocalDate maturity = required(terms.maturity(), "bondTerms.maturity");
        if (!maturity.isAfter(listedOn)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "bondTerms.maturity",
                    "bondTerms.maturity " + maturity + " must be after listedOn " + listedOn);
        }
    }

    // ---------------------------------------------------------------- state helpers (called from event sourcing handlers)

    private Holding holding(InvestorId investorId) {
        Holding holding = register.get(investorId.value());
        return holding != null ? holding : new Holding(0, 0);
    }

    private void setHolding(InvestorId investorId, Holding holding) {
        if (holding.units() == 0 && holding.offered() == 0) {
            register.remove(investorId.value());
        } else {
            register.put(investorId.value(), holding);
        }
    }

    private void advanceTo(LocalDate date) {
        if (businessDate == null || date.isAfter(businessDate)) {
            businessDate = date;
        }
    }
}

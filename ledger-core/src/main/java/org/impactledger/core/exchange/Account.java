package org.impactledger.core.exchange;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.impactledger.core.exchange.Checks.required;
import static org.impactledger.core.exchange.Checks.requireAmount;
import static org.impactledger.core.exchange.Checks.requireText;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.impactledger.core.exchange.command.DepositCash;
import org.impactledger.core.exchange.command.OpenAccount;
import org.impactledger.core.exchange.command.WithdrawCash;
import org.impactledger.core.exchange.event.AccountOpened;
import org.impactledger.core.exchange.event.Allocation;
import org.impactledger.core.exchange.event.CashDeposited;
import org.impactledger.core.exchange.event.CashReleased;
import org.impactledger.core.exchange.event.CashReserved;
import org.impactledger.core.exchange.event.CashWithdrawn;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.IncomeReceived;
import org.impactledger.core.exchange.event.IncomeShare;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.PurchaseSettled;
import org.impactledger.core.exchange.event.SaleSettled;
import org.impactledger.core.exchange.event.SubscriptionSettled;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;

/**
 * An investor's cash on the exchange, in one currency, and the part of it set aside for open buy
 * orders and subscriptions.
 *
 * <p>It is the consistency boundary for "no buying beyond available cash" across every instrument:
 * {@code available = cash − reserved}, and an order or subscription is accepted only if its full
 * cost (quantity × limit price, quantity × offering price) can be reserved out of what is available.
 * A reservation is used up as the order trades (or the offering settles) and released when it is
 * cancelled, so cash never goes below the reservations and neither ever goes negative.
 *
 * <p>Its event stream is {@link AccountId} ({@code account/<investorId>}), not the investor id
 * itself, so that an account can never share a stream with another aggregate whose id happens to
 * equal the investor's.
 *
 * <p>Units are not kept here but on each {@link Instrument}'s register, the other half of every
 * trade; see {@link ExchangeHandler} for why the split keeps both invariants strongly consistent.
 * Movements decided by an instrument arrive through the public methods below, called by the
 * {@link Settlement} in the instrument's unit of work; each takes the instrument's event as its
 * instruction, so the two sides always agree.
 */
public class Account {

    /** Cash set aside for one buy order or subscription. */
    record Reservation(InstrumentId instrumentId, ReservationPurpose purpose, String reference, Money amount) {
    }

    private InvestorId investorId;
    private String currency;
    /** All cash on the account, reserved or not. */
    private Money cash;
    /** By {@link #key}. */
    private Map<String, Reservation> reservations = new HashMap<>();

    /** For the framework (event sourcing and snapshots). */
    protected Account() {
    }

    // ---------------------------------------------------------------- commands

    @CommandHandler
    public Account(OpenAccount command) {
        required(command.investorId(), "investorId");
        Money.validCurrency(command.currency(), "currency");
        required(command.openedOn(), "openedOn");
        apply(new AccountOpened(command.investorId(), command.currency(), command.openedOn()));
    }

    @CommandHandler
    public void handle(DepositCash command) {
        Money amount = requireAmount(command.amount(), currency, "the account of investor " + investorId + " is kept in", "amount");
        requireText(command.bankReference(), "bankReference");
        required(command.valueDate(), "valueDate");
        apply(new CashDeposited(investorId, amount, command.bankReference(), command.valueDate()));
    }

    @CommandHandler
    public void handle(WithdrawCash command) {
        Money amount = requireAmount(command.amount(), currency, "the account of investor " + investorId + " is kept in", "amount");
        requireText(command.bankReference(), "bankReference");
        required(command.valueDate(), "valueDate");
        if (amount.greaterThan(available())) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "amount",
                    "withdrawal of " + amount + " exceeds the available cash of investor " + investorId + ", " + available() + describeCash());
        }
        apply(new CashWithdrawn(investorId, amount, command.bankReference(), command.valueDate()));
    }

    // ---------------------------------------------------------------- called through Settlement

    /**
     * Sets {@code amount} aside for a buy order or subscription. Refused with
     * {@code CURRENCY_MISMATCH} for an instrument in another currency than the account, and with
     * {@code LIMIT_EXCEEDED} on {@code field} beyond the available cash; already reserved cash is
     * not available.
     */
    public void reserveCash(InstrumentId instrumentId, ReservationPurpose purpose, String reference, Money amount, String field) {
        required(instrumentId, "instrumentId");
        required(purpose, "purpose");
        required(reference, "reference");
        required(amount, field);
        if (!amount.currency().equals(currency)) {
            // not the client's field at fault but the pairing of account and instrument
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, null, "instrument " + instrumentId + " trades in " + amount.currency()
                    + " but the account of investor " + investorId + " is kept in " + currency);
        }
        amount.requirePositive(field);
        String key = key(instrumentId, purpose, reference);
        if (reservations.containsKey(key)) {
            throw DomainException.state("investor " + investorId + " already has cash reserved for " + describe(purpose, reference, instrumentId));
        }
        if (amount.greaterThan(available())) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, field, describe(purpose, reference, instrumentId) + " needs " + amount
                    + " but investor " + investorId + " has only " + available() + " available" + describeCash());
        }
        apply(new CashReserved(investorId, instrumentId, purpose, reference, amount));
    }

    /** Makes (part of) a reservation available again. */
    public void releaseCash(InstrumentId instrumentId, ReservationPurpose purpose, String reference, Money amount, String reason) {
        Reservation reservation = reservation(instrumentId, purpose, reference);
        requireWithin(amount, reservation);
        apply(new CashReleased(investorId, instrumentId, purpose, reference, amount, reason));
    }

    /** The buyer's side of a trade: pays the trade amount out of the buy order's reservation. */
    public void settlePurchase(TradeExecuted trade, Money reservationUsed) {
        requireOwn(trade.buyerId());
        Reservation reservation = reservation(trade.instrumentId(), ReservationPurpose.BUY_ORDER, trade.buyOrderId().value());
        requireWithin(reservationUsed, reservation);
        if (trade.amount().greaterThan(reservationUsed)) {
            throw DomainException.state("trade " + trade.tradeNumber() + " costs " + trade.amount() + ", more than the " + reservationUsed
                    + " reserved for it");
        }
        apply(new PurchaseSettled(investorId, trade.instrumentId(), trade.buyOrderId(), trade.tradeNumber(), trade.quantity(), trade.price(),
                trade.amount(), reservationUsed, trade.tradeDate()));
    }

    /** The seller's side of a trade: receives the trade amount. */
    public void settleSale(TradeExecuted trade) {
        requireOwn(trade.sellerId());
        requireCurrency(trade.amount());
        apply(new SaleSettled(investorId, trade.instrumentId(), trade.sellOrderId(), trade.tradeNumber(), trade.quantity(), trade.price(),
                trade.amount(), trade.tradeDate()));
    }

    /** Settles an allocation: pays allocated × price out of the subscription's reservation and releases the rest. */
    public void settleSubscription(OfferingClosed closing, Allocation allocation) {
        requireOwn(allocation.investorId());
        Reservation reservation = reservation(closing.instrumentId(), ReservationPurpose.SUBSCRIPTION, closing.offeringId().value());
        if (!allocation.amountPaid().plus(allocation.amountReleased()).equals(reservation.amount())) {
            throw DomainException.state("allocation pays " + allocation.amountPaid() + " and releases " + allocation.amountReleased()
                    + " but " + reservation.amount() + " is reserved for offering " + closing.offeringId());
        }
        apply(new SubscriptionSettled(investorId, closing.instrumentId(), closing.offeringId(), allocation.subscribed(), allocation.allocated(),
                closing.price(), allocation.amountPaid(), allocation.amountReleased(), closing.closedOn()));
    }

    /** Credits the investor's share of a coupon or dividend. */
    public void receiveIncome(IncomePaid payment, IncomeShare share) {
        requireOwn(share.investorId());
        requireCurrency(share.amount());
        apply(new IncomeReceived(investorId, payment.instrumentId(), payment.paymentId(), payment.kind(), share.units(), share.amount(),
                payment.recordDate(), payment.paymentDate()));
    }

    // ---------------------------------------------------------------- read-only views

    /** The account's event stream, {@code account/<investorId>}: see {@link AccountId} for why it is not the investor id. */
    @AggregateIdentifier
    public AccountId accountId() {
        return investorId == null ? null : AccountId.of(investorId);
    }

    public InvestorId investorId() {
        return investorId;
    }

    public String currency() {
        return currency;
    }

    /** All cash on the account, reserved or not. */
    public Money cash() {
        return cash;
    }

    /** Cash set aside for open buy orders and subscriptions. */
    public Money reserved() {
        return reservations.values().stream().map(Reservation::amount).reduce(Money.zero(currency), Money::plus);
    }

    /** What an order, subscription or withdrawal can use: cash − reserved. */
    public Money available() {
        return cash.minus(reserved());
    }

    /** The cash reserved for one order or subscription, if any. */
    public Optional<Money> reservedFor(InstrumentId instrumentId, ReservationPurpose purpose, String reference) {
        return Optional.ofNullable(reservations.get(key(instrumentId, purpose, reference))).map(Reservation::amount);
    }

    // ---------------------------------------------------------------- event sourcing handlers

    @EventSourcingHandler
    void on(AccountOpened event) {
        investorId = event.investorId();
        currency = event.currency();
        cash = Money.zero(event.currency());
        reservations = new HashMap<>();
    }

    @EventSourcingHandler
    void on(CashDeposited event) {
        cash = cash.plus(event.amount());
    }

    @EventSourcingHandler
    void on(CashWithdrawn event) {
        cash = cash.minus(event.amount());
    }

    @EventSourcingHandler
    void on(CashReserved event) {
        reservations.put(key(event.instrumentId(), event.purpose(), event.reference()),
                new Reservation(event.instrumentId(), event.purpose(), event.reference(), event.amount()));
    }

    @EventSourcingHandler
    void on(CashReleased event) {
        reduce(key(event.instrumentId(), event.purpose(), event.reference()), event.amount());
    }

    @EventSourcingHandler
    void on(PurchaseSettled event) {
        reduce(key(event.instrumentId(), ReservationPurpose.BUY_ORDER, event.orderId().value()), event.reservationUsed());
        cash = cash.minus(event.amount());
    }

    @EventSourcingHandler
    void on(SaleSettled event) {
        cash = cash.plus(event.amount());
    }

    @EventSourcingHandler
    void on(SubscriptionSettled event) {
        reservations.remove(key(event.instrumentId(), ReservationPurpose.SUBSCRIPTION, event.offeringId().value()));
        cash = cash.minus(event.amountPaid());
    }

    @EventSourcingHandler
    void on(IncomeReceived event) {
        cash = cash.plus(event.amount());
    }

    // ---------------------------------------------------------------- helpers

    /** '|' cannot occur in an identifier, so the key is unambiguous. */
    private static String key(InstrumentId instrumentId, ReservationPurpose purpose, String reference) {
        return instrumentId.value() + "|" + purpose + "|" + reference;
    }

    private void reduce(String key, Money amount) {
        Reservation reservation = reservations.get(key);
        Money left = reservation.amount().minus(amount);
        if (left.isZero()) {
            reservations.remove(key);
        } else {
            reservations.put(key, new Reservation(reservation.instrumentId(), reservation.purpose(), reservation.reference(), left));
        }
    }

    private Reservation reservation(InstrumentId instrumentId, ReservationPurpose purpose, String reference) {
        Reservation reservation = reservations.get(key(instrumentId, purpose, reference));
        if (reservation == null) {
            throw DomainException.state("investor " + investorId + " has no cash reserved for " + describe(purpose, reference, instrumentId));
        }
        return reservation;
    }

    private void requireWithin(Money amount, Reservation reservation) {
        requireCurrency(amount);
        if (amount.isNegative() || amount.greaterThan(reservation.amount())) {
            throw DomainException.state(amount + " is more than the " + reservation.amount() + " reserved for "
                    + describe(reservation.purpose(), reservation.reference(), reservation.instrumentId()));
        }
    }

    private void requireCurrency(Money amount) {
        if (!amount.currency().equals(currency)) {
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, null,
                    "the account of investor " + investorId + " is kept in " + currency + ", not " + amount.currency());
        }
    }

    private void requireOwn(InvestorId other) {
        if (!investorId.equals(other)) {
            throw DomainException.state("the movement is for investor " + other + ", not " + investorId);
        }
    }

    private String describeCash() {
        Money reserved = reserved();
        return reserved.isZero() ? "" : " (cash " + cash + ", of which " + reserved + " reserved for open orders and subscriptions)";
    }

    private static String describe(ReservationPurpose purpose, String reference, InstrumentId instrumentId) {
        return (purpose == ReservationPurpose.BUY_ORDER ? "buy order " : "the subscription to offering ") + reference + " on " + instrumentId;
    }
}

package org.impactledger.core.exchange;

import java.util.concurrent.Callable;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
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
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;

/**
 * Handles every command on an {@link Instrument}: each one may move cash on investors'
 * {@link Account}s or the {@link Issuer}'s cash, so this handler loads the instrument and lends it
 * a {@link Settlement} over the other aggregates, all in one unit of work.
 *
 * <h2>Why three aggregates, and why it is strongly consistent</h2>
 * Each invariant lives inside exactly one aggregate:
 * <ul>
 *   <li>"no selling what one does not hold" and the conservation of units are per instrument, so the
 *       register of holders lives in the {@link Instrument}, next to the order book whose sell orders
 *       reserve units;</li>
 *   <li>"no buying beyond available cash" is per investor across every instrument, so cash and its
 *       reservations live in the investor's {@link Account};</li>
 *   <li>the issuer's cash (proceeds in, income out) never goes negative, in the {@link Issuer}.</li>
 * </ul>
 * A command that spans them (an order that reserves cash and then trades with other investors'
 * orders, an offering close that pays the issuer and settles every subscriber, a dividend) changes
 * all of them in the same unit of work: every event is appended in one transaction, or none is. If
 * another command changed one of the same aggregates in the meantime, the append fails on the event
 * store's sequence number and nothing is written, so no decision is ever taken on stale cash or
 * units. A trade therefore settles cash and units atomically: the instrument's {@code TradeExecuted}
 * moves the units and the two accounts' {@code PurchaseSettled} and {@code SaleSettled} move the cash
 * in the same commit. The issuer's standing is read, not written, by trading commands: a suspension
 * takes effect for the next command.
 *
 * <p>Nothing here reads the clock or makes up ids: time priority is the sequence the instrument
 * assigns, trade numbers count per instrument, and dates come in on the commands.
 *
 * <p>Infra constructs it with the three repositories. Accounts are loaded by their own stream id
 * ({@link AccountId}), as the matching reaches them; Axon's per-aggregate locks detect the rare deadlock of two orders touching the same two
 * accounts in opposite order, and the command is then refused and can be retried.
 */
public class ExchangeHandler {

    private final Repository<Instrument> instruments;
    private final Repository<Issuer> issuers;
    private final Repository<Account> accounts;

    public ExchangeHandler(Repository<Instrument> instruments, Repository<Issuer> issuers, Repository<Account> accounts) {
        this.instruments = instruments;
        this.issuers = issuers;
        this.accounts = accounts;
    }

    /** @return the id of the listed instrument */
    @CommandHandler
    public InstrumentId handle(ListInstrument command) {
        InstrumentId instrumentId = required(command.instrumentId(), "instrumentId");
        refuseExistingInstrument(instrumentId);
        Settlement settlement = new AggregateSettlement();
        try {
            instruments.newInstance((Callable<Instrument>) () -> new Instrument(command, settlement));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not list instrument " + instrumentId, e);
        }
        return instrumentId;
    }

    @CommandHandler
    public void handle(DelistInstrument command) {
        instrument(command.instrumentId()).execute(i -> i.delist(command, new AggregateSettlement()));
    }

    @CommandHandler
    public void handle(OpenOffering command) {
        instrument(command.instrumentId()).execute(i -> i.openOffering(command, new AggregateSettlement()));
    }

    @CommandHandler
    public void handle(SubscribeToOffering command) {
        instrument(command.instrumentId()).execute(i -> i.subscribe(command, new AggregateSettlement()));
    }

    @CommandHandler
    public void handle(CloseOffering command) {
        instrument(command.instrumentId()).execute(i -> i.closeOffering(command, new AggregateSettlement()));
    }

    @CommandHandler
    public void handle(CancelOffering command) {
        instrument(command.instrumentId()).execute(i -> i.cancelOffering(command, new AggregateSettlement()));
    }

    /** @return how much of the order traded at once and how much rests in the book */
    @CommandHandler
    public OrderOutcome handle(PlaceOrder command) {
        return instrument(command.instrumentId()).invoke(i -> i.placeOrder(command, new AggregateSettlement()));
    }

    @CommandHandler
    public void handle(CancelOrder command) {
        instrument(command.instrumentId()).execute(i -> i.cancelOrder(command, new AggregateSettlement()));
    }

    @CommandHandler
    public void handle(PayDividend command) {
        instrument(command.instrumentId()).execute(i -> i.payDividend(command, new AggregateSettlement()));
    }

    @CommandHandler
    public void handle(PayCoupon command) {
        instrument(command.instrumentId()).execute(i -> i.payCoupon(command, new AggregateSettlement()));
    }

    private void refuseExistingInstrument(InstrumentId instrumentId) {
        try {
            instruments.load(instrumentId.value());
        } catch (AggregateNotFoundException expected) {
            return;
        }
        throw new DomainException(ErrorCode.ALREADY_EXISTS, "instrumentId", "instrument " + instrumentId + " is already listed");
    }

    private Aggregate<Instrument> instrument(InstrumentId instrumentId) {
        required(instrumentId, "instrumentId");
        try {
            return instruments.load(instrumentId.value());
        } catch (AggregateNotFoundException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "instrumentId", "no instrument " + instrumentId);
        }
    }

    private Aggregate<Issuer> issuer(IssuerId issuerId) {
        try {
            return issuers.load(issuerId.value());
        } catch (AggregateNotFoundException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "issuerId", "no issuer " + issuerId);
        }
    }

    private Aggregate<Account> account(InvestorId investorId) {
        try {
            return accounts.load(AccountId.of(investorId).toString());
        } catch (AggregateNotFoundException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "investorId", "investor " + investorId + " has no exchange account");
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }

    /**
     * The settlement over the aggregates themselves. Within one unit of work the repositories hand
     * out the same loaded instance for the same id, so several movements on one account add up.
     */
    private final class AggregateSettlement implements Settlement {

        @Override
        public IssuerStanding issuer(IssuerId issuerId) {
            return ExchangeHandler.this.issuer(issuerId).invoke(Issuer::standing);
        }

        @Override
        public void reserveCash(InvestorId investorId, InstrumentId instrumentId, ReservationPurpose purpose, String reference, Money amount,
                                String field) {
            account(investorId).execute(a -> a.reserveCash(instrumentId, purpose, reference, amount, field));
        }

        @Override
        public void releaseCash(InvestorId investorId, InstrumentId instrumentId, ReservationPurpose purpose, String reference, Money amount,
                                String reason) {
            account(investorId).execute(a -> a.releaseCash(instrumentId, purpose, reference, amount, reason));
        }

        @Override
        public void settleTrade(TradeExecuted trade, Money buyerReservationUsed) {
            account(trade.buyerId()).execute(a -> a.settlePurchase(trade, buyerReservationUsed));
            account(trade.sellerId()).execute(a -> a.settleSale(trade));
        }

        @Override
        public void settleSubscription(OfferingClosed closing, Allocation allocation) {
            account(allocation.investorId()).execute(a -> a.settleSubscription(closing, allocation));
        }

        @Override
        public void receiveOfferingProceeds(OfferingClosed closing) {
            ExchangeHandler.this.issuer(closing.issuerId()).execute(i -> i.receiveOfferingProceeds(closing));
        }

        @Override
        public void payIncome(IncomePaid payment, String field) {
            ExchangeHandler.this.issuer(payment.issuerId()).execute(i -> i.fundIncome(payment, field));
            for (IncomeShare share : payment.shares()) {
                account(share.investorId()).execute(a -> a.receiveIncome(payment, share));
            }
        }
    }
}

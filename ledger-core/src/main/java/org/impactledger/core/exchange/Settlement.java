package org.impactledger.core.exchange;

import org.impactledger.core.exchange.event.Allocation;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;

/**
 * The other side of every money movement an {@link Instrument} decides: the investors' cash
 * {@link Account}s and the {@link Issuer}. The instrument keeps the units and the order book; it
 * tells its settlement what the cash must do, in the same unit of work, so that a refusal on any
 * side (not enough available cash, an issuer that cannot fund a coupon) rolls back every aggregate.
 *
 * <p>{@link ExchangeHandler} implements it over the loaded aggregates; fixture tests use a recorder.
 * Each method mirrors a public method of {@link Account} or {@link Issuer}, which keep the rules.
 */
public interface Settlement {

    /** The issuer's standing; {@code NOT_FOUND} ({@code issuerId}) if there is no such issuer. */
    IssuerStanding issuer(IssuerId issuerId);

    /**
     * Sets cash aside on the investor's account; refused with {@code NOT_FOUND} ({@code investorId})
     * without an account, {@code CURRENCY_MISMATCH} if the account is kept in another currency, and
     * {@code LIMIT_EXCEEDED} on {@code field} beyond the available cash.
     */
    void reserveCash(InvestorId investorId, InstrumentId instrumentId, ReservationPurpose purpose, String reference, Money amount, String field);

    /** Makes reserved cash available again. */
    void releaseCash(InvestorId investorId, InstrumentId instrumentId, ReservationPurpose purpose, String reference, Money amount, String reason);

    /**
     * Settles the cash of a trade on both accounts: the buyer pays {@code trade.amount()} out of the
     * order's reservation (of which {@code buyerReservationUsed} = quantity × the buy limit is used
     * up), the seller receives it.
     */
    void settleTrade(TradeExecuted trade, Money buyerReservationUsed);

    /** Settles one subscriber's allocation: pays allocated × price from the reservation and releases the rest. */
    void settleSubscription(OfferingClosed closing, Allocation allocation);

    /** Credits the issuer with the proceeds of a closed offering. */
    void receiveOfferingProceeds(OfferingClosed closing);

    /**
     * Pays income: debits the issuer's cash by the total (refused with {@code LIMIT_EXCEEDED} on
     * {@code field} if the issuer lacks the cash) and credits each holder's share.
     */
    void payIncome(IncomePaid payment, String field);
}

package org.impactledger.core.exchange;

import java.util.ArrayList;
import java.util.List;
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
 * A settlement that records, one line each, what the instrument asked of the accounts and the
 * issuer; it knows one issuer (the test data's) and can be told to suspend it, to refuse an
 * investor's cash or to refuse funding income, as the real aggregates would.
 */
final class RecordingSettlement implements Settlement {

    final List<String> calls = new ArrayList<>();
    private boolean suspended;
    private InvestorId refuseCashOf;
    private boolean refuseIncome;

    void suspendIssuer() {
        suspended = true;
    }

    void refuseCashOf(InvestorId investorId) {
        refuseCashOf = investorId;
    }

    void refuseIncome() {
        refuseIncome = true;
    }

    @Override
    public IssuerStanding issuer(IssuerId issuerId) {
        if (!issuerId.equals(ExchangeTestData.ISSUER)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "issuerId", "no issuer " + issuerId);
        }
        return ExchangeTestData.standing(suspended);
    }

    @Override
    public void reserveCash(InvestorId investorId, InstrumentId instrumentId, ReservationPurpose purpose, String reference, Money amount,
                            String field) {
        if (investorId.equals(refuseCashOf)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, field, "investor " + investorId + " cannot cover " + amount);
        }
        calls.add("reserve " + amount + " of " + investorId + " for " + purpose + " " + reference);
    }

    @Override
    public void releaseCash(InvestorId investorId, InstrumentId instrumentId, ReservationPurpose purpose, String reference, Money amount,
                            String reason) {
        calls.add("release " + amount + " of " + investorId + " for " + purpose + " " + reference + ": " + reason);
    }

    @Override
    public void settleTrade(TradeExecuted trade, Money buyerReservationUsed) {
        calls.add("trade " + trade.tradeNumber() + ": " + trade.buyerId() + " pays " + trade.amount() + " to " + trade.sellerId()
                + " using " + buyerReservationUsed + " of its reservation");
    }

    @Override
    public void settleSubscription(OfferingClosed closing, Allocation allocation) {
        calls.add("settle " + allocation.investorId() + ": " + allocation.allocated() + " of " + allocation.subscribed() + " units, pays "
                + allocation.amountPaid() + ", releases " + allocation.amountReleased());
    }

    @Override
    public void receiveOfferingProceeds(OfferingClosed closing) {
        calls.add("issuer " + closing.issuerId() + " receives " + closing.proceeds());
    }

    @Override
    public void payIncome(IncomePaid payment, String field) {
        if (refuseIncome) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, field, "issuer " + payment.issuerId() + " cannot fund " + payment.amount());
        }
        calls.add("issuer " + payment.issuerId() + " pays " + payment.amount());
        for (IncomeShare share : payment.shares()) {
            calls.add(share.investorId() + " receives " + share.amount() + " for " + share.units() + " units");
        }
    }
}

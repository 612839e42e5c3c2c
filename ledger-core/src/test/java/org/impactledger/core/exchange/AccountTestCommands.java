package org.impactledger.core.exchange;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.exchange.event.Allocation;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.IncomeShare;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.exchange.event.TradeExecuted;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;

/** Test-only commands that drive the account's public methods the way {@link ExchangeHandler}'s settlement does. */
final class AccountTestCommands {

    private AccountTestCommands() {
    }

    record ReserveCash(@TargetAggregateIdentifier InvestorId investorId, InstrumentId instrumentId, ReservationPurpose purpose, String reference,
                       Money amount, String field) {
    }

    record ReleaseCash(@TargetAggregateIdentifier InvestorId investorId, InstrumentId instrumentId, ReservationPurpose purpose, String reference,
                       Money amount, String reason) {
    }

    record SettlePurchase(@TargetAggregateIdentifier InvestorId investorId, TradeExecuted trade, Money reservationUsed) {
    }

    record SettleSale(@TargetAggregateIdentifier InvestorId investorId, TradeExecuted trade) {
    }

    record SettleSubscription(@TargetAggregateIdentifier InvestorId investorId, OfferingClosed closing, Allocation allocation) {
    }

    record ReceiveIncome(@TargetAggregateIdentifier InvestorId investorId, IncomePaid payment, IncomeShare share) {
    }

    static final class Handler {

        private final Repository<Account> accounts;

        Handler(Repository<Account> accounts) {
            this.accounts = accounts;
        }

        @CommandHandler
        void handle(ReserveCash c) {
            accounts.load(AccountId.of(c.investorId()).toString()).execute(a -> a.reserveCash(c.instrumentId(), c.purpose(), c.reference(), c.amount(), c.field()));
        }

        @CommandHandler
        void handle(ReleaseCash c) {
            accounts.load(AccountId.of(c.investorId()).toString()).execute(a -> a.releaseCash(c.instrumentId(), c.purpose(), c.reference(), c.amount(), c.reason()));
        }

        @CommandHandler
        void handle(SettlePurchase c) {
            accounts.load(AccountId.of(c.investorId()).toString()).execute(a -> a.settlePurchase(c.trade(), c.reservationUsed()));
        }

        @CommandHandler
        void handle(SettleSale c) {
            accounts.load(AccountId.of(c.investorId()).toString()).execute(a -> a.settleSale(c.trade()));
        }

        @CommandHandler
        void handle(SettleSubscription c) {
            accounts.load(AccountId.of(c.investorId()).toString()).execute(a -> a.settleSubscription(c.closing(), c.allocation()));
        }

        @CommandHandler
        void handle(ReceiveIncome c) {
            accounts.load(AccountId.of(c.investorId()).toString()).execute(a -> a.receiveIncome(c.payment(), c.share()));
        }
    }
}

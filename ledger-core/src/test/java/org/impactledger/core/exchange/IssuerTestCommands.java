package org.impactledger.core.exchange;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.exchange.event.IncomePaid;
import org.impactledger.core.exchange.event.OfferingClosed;
import org.impactledger.core.shared.IssuerId;

/** Test-only commands that drive the issuer's public methods the way {@link ExchangeHandler}'s settlement does. */
final class IssuerTestCommands {

    private IssuerTestCommands() {
    }

    record AskStanding(@TargetAggregateIdentifier IssuerId issuerId) {
    }

    record ReceiveProceeds(@TargetAggregateIdentifier IssuerId issuerId, OfferingClosed closing) {
    }

    record FundIncome(@TargetAggregateIdentifier IssuerId issuerId, IncomePaid payment, String field) {
    }

    static final class Handler {

        private final Repository<Issuer> issuers;

        Handler(Repository<Issuer> issuers) {
            this.issuers = issuers;
        }

        @CommandHandler
        IssuerStanding handle(AskStanding c) {
            return issuers.load(c.issuerId().value()).invoke(Issuer::standing);
        }

        @CommandHandler
        void handle(ReceiveProceeds c) {
            issuers.load(c.issuerId().value()).execute(i -> i.receiveOfferingProceeds(c.closing()));
        }

        @CommandHandler
        void handle(FundIncome c) {
            issuers.load(c.issuerId().value()).execute(i -> i.fundIncome(c.payment(), c.field()));
        }
    }
}

package org.impactledger.core.fund;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/**
 * Test-only commands and handler that drive the fund's Homes4All methods the way the housing
 * side's command handler does ({@code HousingFundHandler}): load the fund from the repository and
 * call the public method.
 */
final class HousingTestCommands {

    private HousingTestCommands() {
    }

    record PayPropertyAcquisition(@TargetAggregateIdentifier FundId fundId, PropertyId propertyId, Money acquisitionPrice, LocalDate acquiredOn) {
    }

    record ReceiveRentIncome(@TargetAggregateIdentifier FundId fundId, PropertyId propertyId, LeaseId leaseId, String collectionId,
                             String period, Money amount, LocalDate paymentDate, String bankReference) {
    }

    record ReverseRentIncome(@TargetAggregateIdentifier FundId fundId, PropertyId propertyId, String collectionId, Money amount, String reason,
                             LocalDate reversedOn) {
    }

    static final class Handler {

        private final Repository<Fund> repository;

        Handler(Repository<Fund> repository) {
            this.repository = repository;
        }

        @CommandHandler
        void handle(PayPropertyAcquisition c) {
            repository.load(c.fundId().value()).execute(fund -> fund.payPropertyAcquisition(c.propertyId(), c.acquisitionPrice(), c.acquiredOn(), null, null));
        }

        @CommandHandler
        void handle(ReceiveRentIncome c) {
            repository.load(c.fundId().value()).execute(fund -> fund.receiveRentIncome(c.propertyId(), c.leaseId(), c.collectionId(),
                    c.period(), c.amount(), c.paymentDate(), c.bankReference()));
        }

        @CommandHandler
        void handle(ReverseRentIncome c) {
            repository.load(c.fundId().value()).execute(fund -> fund.reverseRentIncome(c.propertyId(), c.collectionId(), c.amount(),
                    c.reason(), c.reversedOn()));
        }
    }
}

package org.impactledger.core.contract.event;

import java.time.LocalDate;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.serialization.Revision;

/** An approved or executed payment was reversed; {@code wasExecuted} says whether money had moved. */
@Revision("1")
public record OutcomePaymentReversed(ContractId contractId, OutcomeId outcomeId, FundId fundId, Money amount, boolean wasExecuted, String reason, LocalDate valueDate, String reversedBy) implements ContractEvent {
}

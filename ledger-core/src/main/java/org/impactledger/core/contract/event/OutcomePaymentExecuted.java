package org.impactledger.core.contract.event;

import java.time.LocalDate;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.serialization.Revision;

/** The approved payment was transferred (bank reference). */
@Revision("1")
public record OutcomePaymentExecuted(ContractId contractId, OutcomeId outcomeId, FundId fundId, Money amount, String bankReference, LocalDate valueDate, String executedBy) implements ContractEvent {
}

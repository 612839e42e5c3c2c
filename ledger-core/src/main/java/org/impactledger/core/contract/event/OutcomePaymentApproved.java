package org.impactledger.core.contract.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.axonframework.serialization.Revision;

/** The payer approved payment: amount = verifiedQuantity × unitPrice in force at the outcome date. */
@Revision("1")
public record OutcomePaymentApproved(ContractId contractId, OutcomeId outcomeId, FundId fundId, BudgetId budgetId, PayerId payerId, BeneficiaryId beneficiaryId, String metricCode, String period, LocalDate outcomeDate, BigDecimal verifiedQuantity, Money unitPrice, Money amount, List<String> sdgTargets, String approvedBy) implements ContractEvent {
}

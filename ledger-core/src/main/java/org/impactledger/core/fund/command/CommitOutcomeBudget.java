package org.impactledger.core.fund.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PayerId;

/** An outcome payer (the city, a foundation) commits a budget for outcome payments; {@code nrrp} is null unless NRRP-funded. */
public record CommitOutcomeBudget(@TargetAggregateIdentifier FundId fundId, BudgetId budgetId, PayerId payerId, Money amount, NrrpTag nrrp, LocalDate valueDate) {
}

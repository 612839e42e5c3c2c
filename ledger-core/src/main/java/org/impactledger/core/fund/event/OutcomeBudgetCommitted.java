package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PayerId;
import org.axonframework.serialization.Revision;

/** An outcome payer committed a budget for outcome payments, NRRP-tagged or not (null). */
@Revision("1")
public record OutcomeBudgetCommitted(FundId fundId, BudgetId budgetId, PayerId payerId, Money amount, NrrpTag nrrp, LocalDate valueDate) implements FundEvent {
}

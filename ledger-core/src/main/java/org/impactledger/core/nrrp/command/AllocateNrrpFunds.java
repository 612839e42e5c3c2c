package org.impactledger.core.nrrp.command;

import java.time.LocalDate;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records NRRP money granted to the project by a decree or other act (its reference and date). */
public record AllocateNrrpFunds(@TargetAggregateIdentifier NrrpProjectId projectId, String allocationId, Money amount, String grantingAct, LocalDate grantedOn) {
}

package org.impactledger.core.nrrp.command;

import java.time.LocalDate;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpProjectId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a legal commitment (a contract under a CIG with a counterparty) against the project's allocation. */
public record EnterNrrpCommitment(@TargetAggregateIdentifier NrrpProjectId projectId, String commitmentId, String cig, String counterparty, Money amount, LocalDate signedOn) {
}

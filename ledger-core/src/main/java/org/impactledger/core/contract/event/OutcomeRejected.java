package org.impactledger.core.contract.event;

import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.serialization.Revision;

/** An independent verifier rejected the outcome, with the reason. */
@Revision("1")
public record OutcomeRejected(ContractId contractId, OutcomeId outcomeId, String reason, String rejectedBy) implements ContractEvent {
}

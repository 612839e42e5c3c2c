package org.impactledger.core.contract.event;

import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.serialization.Revision;

/** A reported, verified or rejected outcome was withdrawn as a correction. */
@Revision("1")
public record OutcomeWithdrawn(ContractId contractId, OutcomeId outcomeId, String reason, String withdrawnBy) implements ContractEvent {
}

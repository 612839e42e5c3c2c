package org.impactledger.core.contract.event;

import java.math.BigDecimal;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.serialization.Revision;

/** An independent verifier verified the outcome (quantity may be less than reported). */
@Revision("1")
public record OutcomeVerified(ContractId contractId, OutcomeId outcomeId, BigDecimal verifiedQuantity, String note, String verifiedBy) implements ContractEvent {
}

package org.impactledger.core.contract.query;

import java.util.Objects;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;

/** One outcome of a contract; answered with the view, or {@code null} when unknown. */
public record FindOutcome(ContractId contractId, OutcomeId outcomeId) {
    public FindOutcome {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(outcomeId, "outcomeId");
    }
}

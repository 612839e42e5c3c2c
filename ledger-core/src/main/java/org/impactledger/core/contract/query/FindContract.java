package org.impactledger.core.contract.query;

import java.util.Objects;
import org.impactledger.core.shared.ContractId;

/** The state of one contract with its rate card; answered with the view, or {@code null} when unknown. */
public record FindContract(ContractId contractId) {
    public FindContract {
        Objects.requireNonNull(contractId, "contractId");
    }
}

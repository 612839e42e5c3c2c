package org.impactledger.core.contract.event;

import java.time.LocalDate;
import org.impactledger.core.shared.ContractId;
import org.axonframework.serialization.Revision;

/** The contract was closed. */
@Revision("1")
public record ContractClosed(ContractId contractId, LocalDate closedOn, String reason) implements ContractEvent {
}

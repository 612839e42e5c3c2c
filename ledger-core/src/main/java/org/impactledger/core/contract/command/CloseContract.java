package org.impactledger.core.contract.command;

import java.time.LocalDate;
import org.impactledger.core.shared.ContractId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a contract: it accepts nothing more. */
public record CloseContract(@TargetAggregateIdentifier ContractId contractId, LocalDate closedOn, String reason) {
}

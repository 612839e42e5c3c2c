package org.impactledger.core.contract.command;

import java.math.BigDecimal;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.OutcomeId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An independent verifier verifies an outcome (all or part of the reported quantity). Must not be the reporter. */
public record VerifyOutcome(@TargetAggregateIdentifier ContractId contractId, OutcomeId outcomeId, BigDecimal verifiedQuantity, String note, String verifiedBy) {
}

package org.impactledger.core.nrrp.command;

import org.impactledger.core.shared.BankStatementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Undoes a match of a bank entry to a ledger payment (a manual one, or rejects an automatic one), giving the reason. */
public record UnmatchBankEntry(@TargetAggregateIdentifier BankStatementId statementId, String entryReference, String paymentEventId, String reason, String unmatchedBy) {
}

package org.impactledger.core.nrrp.command;

import org.impactledger.core.shared.BankStatementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Matches a bank entry by hand to a ledger payment (the payment event's id), giving the reason. */
public record MatchBankEntry(@TargetAggregateIdentifier BankStatementId statementId, String entryReference, String paymentEventId, String reason, String matchedBy) {
}

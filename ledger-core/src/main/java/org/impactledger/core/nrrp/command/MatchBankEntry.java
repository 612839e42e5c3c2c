package org.impactledger.core.nrrp.command;

import org.impactledger.core.shared.BankStatementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Matches a bank entry by hand to a ledger payment (the payment event's id), giving the reason.
 * {@code paymentCurrency} is the payment's currency as the ledger recorded it (the API reads it
 * with the payment), so the statement can refuse a payment in another currency than its own.
 */
public record MatchBankEntry(@TargetAggregateIdentifier BankStatementId statementId, String entryReference, String paymentEventId,
                             String paymentCurrency, String reason, String matchedBy) {
}

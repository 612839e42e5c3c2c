package org.impactledger.core.nrrp.event;

import org.impactledger.core.shared.BankStatementId;
import org.axonframework.serialization.Revision;

/** A finance officer undid the match of a bank entry to a ledger payment (manual, or an automatic one now rejected), with the reason. */
@Revision("1")
public record BankEntryUnmatched(BankStatementId statementId, String entryReference, String paymentEventId, String reason, String unmatchedBy) implements BankStatementEvent {
}

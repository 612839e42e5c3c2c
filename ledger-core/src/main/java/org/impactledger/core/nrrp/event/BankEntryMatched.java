package org.impactledger.core.nrrp.event;

import org.impactledger.core.shared.BankStatementId;
import org.axonframework.serialization.Revision;

/** A finance officer matched a bank entry to a ledger payment by hand, with the reason. */
@Revision("1")
public record BankEntryMatched(BankStatementId statementId, String entryReference, String paymentEventId, String reason, String matchedBy) implements BankStatementEvent {
}

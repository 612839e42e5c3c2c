package org.impactledger.core.nrrp.event;

import org.impactledger.core.shared.BankStatementId;
import org.axonframework.serialization.Revision;

/** A bank statement was imported for the first time (its account, currency and file format). */
@Revision("1")
public record BankStatementImported(BankStatementId statementId, String account, String currency, String format) implements BankStatementEvent {
}

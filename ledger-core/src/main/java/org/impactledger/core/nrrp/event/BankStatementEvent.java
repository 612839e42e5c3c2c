package org.impactledger.core.nrrp.event;

import org.impactledger.core.shared.BankStatementId;

/** Every event of an imported bank statement. */
public sealed interface BankStatementEvent permits BankStatementImported, BankEntryRecorded, BankEntryMatched, BankEntryUnmatched {
    BankStatementId statementId();
}

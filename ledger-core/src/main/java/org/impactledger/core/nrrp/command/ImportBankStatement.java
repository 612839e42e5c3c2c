package org.impactledger.core.nrrp.command;

import java.util.List;
import org.impactledger.core.nrrp.BankEntry;
import org.impactledger.core.shared.BankStatementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Imports a bank statement; every entry becomes an event. Importing the same statement again records nothing: entries are keyed by their reference within the statement. */
public record ImportBankStatement(@TargetAggregateIdentifier BankStatementId statementId, String account, String currency, String format, List<BankEntry> entries) {
}

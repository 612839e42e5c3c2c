package org.impactledger.core.nrrp.command;

import java.util.List;

/**
 * Imports every statement of one file at once: all of them are recorded, or — if any is refused —
 * none. Handled by {@code BankStatementImportHandler}, which changes the statements in one unit of work.
 */
public record ImportBankStatements(List<ImportBankStatement> statements) {
}

package org.impactledger.api.nrrp;

import java.util.List;
import org.impactledger.core.nrrp.BankEntry;

/** One statement read from a file, whole and valid, ready to become one ImportBankStatement command. */
record ParsedStatement(String statementId, String account, String currency, String format, List<BankEntry> entries) {
}

package org.impactledger.projections.journal;

import java.math.BigDecimal;

/**
 * One stored journal line with its account's name and class from the chart ({@code accountName}
 * and {@code accountType} are {@code null} for a code the chart does not know).
 */
public record JournalLineView(int lineNo, String account, String accountName, AccountType accountType, Book book,
                              String subledger, BigDecimal debit, BigDecimal credit) {
}

package org.impactledger.core.fund.query;

/**
 * The journal's invariant check over every fund: the entries whose lines do not balance (debits
 * differ from credits in the general or the memorandum book), recomputed from the stored lines
 * rather than trusted from the posting code, so that a row changed after posting is caught too.
 */
public record FindUnbalancedJournalEntries() {
}

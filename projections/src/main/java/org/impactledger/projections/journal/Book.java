package org.impactledger.projections.journal;

/**
 * The two books a journal entry may post to. Debits must equal credits in each book separately,
 * per entry and currency: the general book holds the fund's own assets, equity and income, the
 * memorandum book the payers' budgets that the fund administers but does not own.
 */
public enum Book {
    GENERAL,
    MEMORANDUM
}

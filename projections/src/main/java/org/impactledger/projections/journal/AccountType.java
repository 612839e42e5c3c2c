package org.impactledger.projections.journal;

/**
 * The classes of the chart of accounts. {@link #MEMORANDUM} accounts keep track of amounts that are
 * not the fund's assets or claims (a payer's budget is the payer's money until it is paid); they
 * form a book of their own that must balance by itself, so that a memorandum line can never make
 * up for a missing line in the general book.
 *
 * <p>{@link #LIABILITY} and {@link #EXPENSE} complete the classification although no posting rule
 * uses them today: every outflow the Outcome Fund records is settled in cash by the event itself,
 * and working capital advanced to a provider stays an asset of the fund (see {@link Account}).
 */
public enum AccountType {
    ASSET,
    LIABILITY,
    EQUITY,
    INCOME,
    EXPENSE,
    MEMORANDUM;

    /** The book an account of this type belongs to. */
    public Book book() {
        return this == MEMORANDUM ? Book.MEMORANDUM : Book.GENERAL;
    }
}

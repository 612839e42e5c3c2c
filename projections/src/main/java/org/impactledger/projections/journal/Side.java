package org.impactledger.projections.journal;

/** The side of a journal line, and the side on which an account normally carries its balance. */
public enum Side {
    DEBIT,
    CREDIT
}

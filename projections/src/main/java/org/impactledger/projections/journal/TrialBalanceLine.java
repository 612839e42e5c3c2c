package org.impactledger.projections.journal;

import java.math.BigDecimal;

/**
 * One account of a trial balance: the sums of its debit and credit lines, and its balance on the
 * account's normal side ({@code debits − credits} for a debit-normal account, {@code credits −
 * debits} for a credit-normal one; negative when the account sits on its other side).
 */
public record TrialBalanceLine(String account, String accountName, AccountType accountType, Book book, Side normalSide,
                               BigDecimal debits, BigDecimal credits, BigDecimal balance) {
}

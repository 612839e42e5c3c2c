package org.impactledger.projections.journal;

import java.math.BigDecimal;
import java.util.Objects;
import org.impactledger.core.shared.Money;

/**
 * One line of a journal entry: an amount on one side of one account, with the counterparty it
 * concerns in the account's sub-ledger ({@code investor:…}, {@code budget:…}, {@code provider:…},
 * {@code contract:…}; {@code null} for fund cash). Holding a side and one amount, rather than a
 * debit and a credit column, makes "one of debit and credit is zero" true by construction; whether
 * the amount is positive is left to {@link JournalBalance}, which refuses the entry otherwise.
 */
public record JournalLine(Account account, String subledger, Side side, Money amount) {

    public JournalLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
    }

    public static JournalLine debit(Account account, String subledger, Money amount) {
        return new JournalLine(account, subledger, Side.DEBIT, amount);
    }

    public static JournalLine credit(Account account, String subledger, Money amount) {
        return new JournalLine(account, subledger, Side.CREDIT, amount);
    }

    /** The debit column: the amount on a debit line, zero (two decimals) on a credit line. */
    public BigDecimal debit() {
        return side == Side.DEBIT ? amount.amount() : zero();
    }

    /** The credit column: the amount on a credit line, zero (two decimals) on a debit line. */
    public BigDecimal credit() {
        return side == Side.CREDIT ? amount.amount() : zero();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(Money.SCALE);
    }
}

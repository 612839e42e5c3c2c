package org.impactledger.projections.journal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's invariant, checked on every entry before it is written: it has lines, every line
 * is a positive amount with at most two decimals in the entry's one currency, and in each book
 * (general and memorandum, separately) the debits equal the credits. Nothing is rounded: amounts
 * are compared exactly.
 */
public final class JournalBalance {

    private JournalBalance() {
    }

    /** What is wrong with the entry; empty when it balances. */
    public static List<String> problems(JournalEntry entry) {
        List<String> problems = new ArrayList<>();
        if (entry.lines().isEmpty()) {
            problems.add("the entry has no lines");
            return problems;
        }
        Map<Book, BigDecimal> debits = new EnumMap<>(Book.class);
        Map<Book, BigDecimal> credits = new EnumMap<>(Book.class);
        for (int i = 0; i < entry.lines().size(); i++) {
            JournalLine line = entry.lines().get(i);
            int lineNo = i + 1;
            if (!line.amount().isPositive()) {
                problems.add("line " + lineNo + " (" + line.account().code() + ") has a non-positive amount " + line.amount());
            }
            if (!line.amount().currency().equals(entry.currency())) {
                problems.add("line " + lineNo + " (" + line.account().code() + ") is in " + line.amount().currency()
                        + ", the entry in " + entry.currency());
            }
            Book book = line.account().book();
            debits.merge(book, line.debit(), BigDecimal::add);
            credits.merge(book, line.credit(), BigDecimal::add);
        }
        for (Book book : Book.values()) {
            BigDecimal d = debits.getOrDefault(book, BigDecimal.ZERO.setScale(2));
            BigDecimal c = credits.getOrDefault(book, BigDecimal.ZERO.setScale(2));
            if (d.compareTo(c) != 0) {
                problems.add(book.name().toLowerCase() + " book: debits " + d.toPlainString() + " ≠ credits " + c.toPlainString());
            }
        }
        return problems;
    }

    /**
     * @return the entry, if it balances
     * @throws UnbalancedEntryException naming every problem, if it does not
     */
    public static JournalEntry requireBalanced(JournalEntry entry) {
        List<String> problems = problems(entry);
        if (!problems.isEmpty()) {
            throw new UnbalancedEntryException(entry.entryId(), entry.eventType(), problems);
        }
        return entry;
    }
}

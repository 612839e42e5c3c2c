package org.impactledger.projections.sdg;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An outcome's figures at the end of each business date on which it has a fact: the verified
 * quantity, approved and paid money summed over its facts of that date and before. The outcome counts
 * in the report as of a date once it has a fact on or before it (its first fact may move no figure),
 * with the figures of the latest entry on or before that date. Immutable.
 *
 * <p>Stored in {@code sdg_impact_outcome.history} (V210) as entries {@code "yyyy-mm-dd verified
 * approved paid"} in date order, separated by {@code ';'}.
 */
final class OutcomeHistory {

    static final OutcomeHistory EMPTY = new OutcomeHistory(new TreeMap<>());

    /** The figures of an outcome at the end of a business date. */
    record Sums(BigDecimal verified, BigDecimal approved, BigDecimal paid) {
    }

    private final NavigableMap<LocalDate, Sums> entries;

    private OutcomeHistory(NavigableMap<LocalDate, Sums> entries) {
        this.entries = entries;
    }

    /** The history with a fact of {@code date} added: that date's entry and every later one move by the fact's changes. */
    OutcomeHistory plus(LocalDate date, BigDecimal verified, BigDecimal approved, BigDecimal paid) {
        NavigableMap<LocalDate, Sums> next = new TreeMap<>(entries);
        if (!next.containsKey(date)) {
            Sums before = at(date);
            next.put(date, before == null ? new Sums(BigDecimal.ZERO.setScale(6), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2))
                    : before);
        }
        for (var entry : next.tailMap(date, true).entrySet()) {
            Sums s = entry.getValue();
            entry.setValue(new Sums(s.verified().add(verified), s.approved().add(approved), s.paid().add(paid)));
        }
        return new OutcomeHistory(next);
    }

    /** The figures at the end of {@code date}, or {@code null} if the outcome has no fact by then. */
    Sums at(LocalDate date) {
        var entry = entries.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }

    /** The business dates of the outcome's facts, in order. */
    List<LocalDate> dates() {
        return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
    }

    String encode() {
        StringBuilder text = new StringBuilder();
        entries.forEach((date, s) -> {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(date).append(' ').append(s.verified().toPlainString()).append(' ').append(s.approved().toPlainString())
                    .append(' ').append(s.paid().toPlainString());
        });
        return text.toString();
    }

    static OutcomeHistory parse(String text) {
        NavigableMap<LocalDate, Sums> entries = new TreeMap<>();
        if (text != null && !text.isEmpty()) {
            for (String entry : text.split(";")) {
                String[] parts = entry.split(" ");
                entries.put(LocalDate.parse(parts[0]), new Sums(new BigDecimal(parts[1]), new BigDecimal(parts[2]), new BigDecimal(parts[3])));
            }
        }
        return new OutcomeHistory(entries);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutcomeHistory h && entries.equals(h.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }
}

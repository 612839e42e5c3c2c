package org.impactledger.projections.nrrp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.impactledger.core.shared.DomainException;
import org.impactledger.projections.state.OpaqueCursor;

/**
 * Where a page of discrepancies ({@code list} D) or matches (M) ends: the last item's place in
 * the reconciliation's order ({@code seq}), and which reconciliation that order belongs to — its
 * time bounds and, when it was read from the materialised tables, their generation (0: computed on
 * demand). The next page is therefore cut from the same reconciliation, whatever was recorded or
 * refreshed since: from the same generation while it is kept, else computed again for the same
 * bounds. Sent as an opaque URL-safe string; the caller only hands back what a page gave it.
 */
public record NrrpCursor(String list, long generation, Instant knownAt, LocalDate asOf, long seq) {

    public static final String DISCREPANCIES = "D";
    public static final String MATCHES = "M";

    public NrrpCursor {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(knownAt, "knownAt");
    }

    public String encode() {
        return OpaqueCursor.encode(list, generation, knownAt, asOf, seq);
    }

    /**
     * @param parameter the query parameter it came in ({@code after}: a discrepancies cursor, {@code matchesAfter}: a matches one)
     * @throws DomainException naming the parameter when the text is not such a cursor this ledger made
     */
    public static NrrpCursor decode(String text, String parameter, String expectedList) {
        try {
            String[] parts = OpaqueCursor.decode(text);
            if (parts.length == 5 && parts[0].equals(expectedList)) {
                long generation = Long.parseLong(parts[1]);
                long seq = Long.parseLong(parts[4]);
                if (generation >= 0 && seq > 0) {
                    return new NrrpCursor(parts[0], generation, Instant.parse(parts[2]), parts[3].isEmpty() ? null : LocalDate.parse(parts[3]), seq);
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below (NumberFormatException is an IllegalArgumentException)
        }
        throw DomainException.invalid(parameter, parameter + " must be the " + (MATCHES.equals(expectedList) ? "matchesNextCursor" : "discrepanciesNextCursor")
                + " of a previous page, was '" + text + "'");
    }

    /** True when both cursors were cut from the same reconciliation. */
    boolean sameReconciliation(NrrpCursor other) {
        return generation == other.generation && knownAt.equals(other.knownAt) && Objects.equals(asOf, other.asOf);
    }
}

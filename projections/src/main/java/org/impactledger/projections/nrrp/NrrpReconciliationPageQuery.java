package org.impactledger.projections.nrrp;

import java.util.Objects;
import org.impactledger.core.shared.DomainException;
import org.impactledger.projections.nrrp.NrrpReconciliation.Filter;
import org.impactledger.projections.report.TimeTravel;

/**
 * Asks for the NRRP reconciliation with its discrepancies and matches in pages of {@code limit}.
 * {@code latest}: no time bounds were given, so the materialised reconciliation (as known at its
 * last refresh) answers when there is one; otherwise it is computed for {@code timeTravel}. With a
 * cursor ({@code after} for discrepancies, {@code matchesAfter} for matches) the page is cut from
 * the reconciliation the cursor came from; bounds given with it must be the cursor's.
 */
public record NrrpReconciliationPageQuery(Filter filter, TimeTravel timeTravel, boolean latest, int limit, NrrpCursor after,
                                          NrrpCursor matchesAfter) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public NrrpReconciliationPageQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(timeTravel, "timeTravel");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", "limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (after != null && !NrrpCursor.DISCREPANCIES.equals(after.list())) {
            throw DomainException.invalid("after", "after must be a discrepanciesNextCursor");
        }
        if (matchesAfter != null && !NrrpCursor.MATCHES.equals(matchesAfter.list())) {
            throw DomainException.invalid("matchesAfter", "matchesAfter must be a matchesNextCursor");
        }
        if (after != null && matchesAfter != null && !after.sameReconciliation(matchesAfter)) {
            throw DomainException.invalid("matchesAfter", "matchesAfter comes from another reconciliation than after (known at "
                    + matchesAfter.knownAt() + " rather than " + after.knownAt() + "); walk one list at a time, or start again");
        }
        NrrpCursor cursor = after != null ? after : matchesAfter;
        if (cursor != null && !latest && (!cursor.knownAt().equals(timeTravel.knownAt()) || !Objects.equals(cursor.asOf(), timeTravel.asOf()))) {
            String parameter = after != null ? "after" : "matchesAfter";
            throw DomainException.invalid(parameter, parameter + " belongs to the reconciliation as of " + (cursor.asOf() == null ? "any date" : cursor.asOf())
                    + " known at " + cursor.knownAt() + "; leave asOf and knownAt out, or give those");
        }
    }

    /** Reads the query parameters as sent, refusing a malformed CUP, measure, limit or cursor by its name. */
    public static NrrpReconciliationPageQuery parse(String cup, String measure, String asOf, String knownAt, String limit, String after,
                                                    String matchesAfter, java.time.Clock clock) {
        NrrpReconciliationQuery parsed = NrrpReconciliationQuery.parse(cup, measure, TimeTravel.parse(asOf, knownAt, clock));
        boolean latest = (asOf == null || asOf.isBlank()) && (knownAt == null || knownAt.isBlank());
        return new NrrpReconciliationPageQuery(new Filter(parsed.cup(), parsed.measure()), parsed.timeTravel(), latest, limit(limit),
                after == null || after.isBlank() ? null : NrrpCursor.decode(after, "after", NrrpCursor.DISCREPANCIES),
                matchesAfter == null || matchesAfter.isBlank() ? null : NrrpCursor.decode(matchesAfter, "matchesAfter", NrrpCursor.MATCHES));
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw DomainException.invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + text + "'");
    }

    /** The cursor the page is cut after, if any (both, when given, come from the same reconciliation). */
    NrrpCursor cursor() {
        return after != null ? after : matchesAfter;
    }
}

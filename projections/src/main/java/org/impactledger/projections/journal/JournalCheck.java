package org.impactledger.projections.journal;

import java.util.List;

/**
 * The answer of the journal's invariant check: {@code balanced} when no entry of any fund is
 * unbalanced. {@code unbalanced} lists at most {@link JournalQueries#MAX_UNBALANCED_LISTED} of them,
 * in entry id order; {@code unbalancedCount} says how many there are in all.
 */
public record JournalCheck(boolean balanced, long entriesChecked, long unbalancedCount, List<UnbalancedEntry> unbalanced) {
}

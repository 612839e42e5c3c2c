package org.impactledger.projections.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.projections.state.Page;

/**
 * One page of a fund's journal, with the time-travel bounds it was read under ({@code asOf}
 * {@code null}: no business-date limit), so that a reader can ask the same question again.
 */
public record JournalPage(List<JournalEntryView> items, int page, int size, long total, LocalDate asOf, Instant knownAt)
        implements Page<JournalEntryView> {
}

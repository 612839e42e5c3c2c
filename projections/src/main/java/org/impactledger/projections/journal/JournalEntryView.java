package org.impactledger.projections.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One journal entry with its lines, as stored; the entry id is the identifier of the event it posts. */
public record JournalEntryView(String entryId, String fundId, String currency, String eventType, String description,
                               LocalDate businessDate, Instant recordedAt, String principal, List<JournalLineView> lines) {
}

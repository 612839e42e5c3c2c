package org.impactledger.projections.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.impactledger.core.fund.event.FundEvent;
import org.impactledger.projections.report.FactStamp;

/**
 * A journal entry as it is written: one per money event of a fund, identified by the event's
 * identifier (so a redelivered event finds its entry and writes nothing), in the currency of its
 * lines, with the event's business date, recording time and acting principal.
 *
 * @param currency the currency of the first line ({@code null} without lines); {@link JournalBalance}
 *                 refuses an entry whose lines are in more than one currency
 */
public record JournalEntry(String entryId, String fundId, String currency, String eventType, String description,
                           LocalDate businessDate, Instant recordedAt, String principal, List<JournalLine> lines) {

    public JournalEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(fundId, "fundId");
        lines = List.copyOf(lines);
    }

    public static JournalEntry of(FactStamp stamp, FundEvent event, Posting posting) {
        List<JournalLine> lines = posting.lines();
        String currency = lines.isEmpty() ? null : lines.get(0).amount().currency();
        return new JournalEntry(stamp.eventId(), event.fundId().value(), currency, event.getClass().getSimpleName(),
                posting.description(), stamp.businessDate(), stamp.recordedAt(), stamp.principal(), lines);
    }
}

package org.impactledger.projections.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a posting rule makes of one event: a description for the reader, the value date when the
 * event carries one of its own ({@code null}: the command's business date applies, see
 * {@link org.impactledger.projections.report.FactStamp}), and the lines.
 */
public record Posting(String description, LocalDate valueDate, List<JournalLine> lines) {

    public Posting {
        Objects.requireNonNull(description, "description");
        lines = List.copyOf(lines);
    }
}

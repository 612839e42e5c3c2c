package org.impactledger.projections.journal;

import java.util.List;

/**
 * A journal entry that must not be written: its debits and credits differ (in a book, per
 * currency), or a line is not a positive amount. Thrown by the journal projection before it writes
 * anything; the {@code journal} processing group propagates it (see
 * {@link org.impactledger.infra.axon.ReadModelErrorHandling}), so the processor stops at the event and retries it
 * rather than skipping a money movement.
 */
public class UnbalancedEntryException extends IllegalStateException {

    private final String entryId;
    private final List<String> problems;

    public UnbalancedEntryException(String entryId, String eventType, List<String> problems) {
        super("journal entry " + entryId + " for " + eventType + " does not balance: " + String.join("; ", problems));
        this.entryId = entryId;
        this.problems = List.copyOf(problems);
    }

    public String entryId() {
        return entryId;
    }

    public List<String> problems() {
        return problems;
    }
}

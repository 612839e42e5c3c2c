package org.impactledger.core.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * Rate card entries in force from a date: the card signed with the contract (no amendment id,
 * effective from the start date) or one amendment. Kept as part of the contract's snapshot state,
 * because an outcome is priced by its outcome date, not by the date it is approved.
 */
public record RateCardVersion(String amendmentId, LocalDate effectiveFrom, List<RateCardEntry> entries) {
    public RateCardVersion {
        entries = List.copyOf(entries);
    }
}

package org.impactledger.projections.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.EventMessage;
import org.impactledger.infra.axon.StoredTimestamps;
import org.impactledger.infra.messaging.LedgerMetaData;

/**
 * Identity and dates of the event a fact row comes from: the event id (the fact's idempotency
 * key: a replayed event finds its row and writes nothing), the business date and the recording
 * time. See {@link TimeTravel}.
 */
public record FactStamp(String eventId, LocalDate businessDate, Instant recordedAt, String principal) {

    /**
     * @param ownBusinessDate the event's own business date (a value date), or null to use the
     *                        business date from the command's metadata, or else the recording day (UTC)
     */
    public static FactStamp of(EventMessage<?> event, LocalDate ownBusinessDate) {
        LocalDate businessDate = ownBusinessDate;
        if (businessDate == null) {
            Object fromMetaData = event.getMetaData().get(LedgerMetaData.BUSINESS_DATE);
            businessDate = fromMetaData != null ? StoredTimestamps.isoDate(fromMetaData.toString()) : LocalDate.ofInstant(event.getTimestamp(), ZoneOffset.UTC);
        }
        Object principal = event.getMetaData().get(LedgerMetaData.PRINCIPAL);
        return new FactStamp(event.getIdentifier(), businessDate, event.getTimestamp(), principal == null ? null : principal.toString());
    }
}

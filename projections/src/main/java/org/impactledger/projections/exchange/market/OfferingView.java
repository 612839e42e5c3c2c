package org.impactledger.projections.exchange.market;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A primary offering: {@code size} units at {@code price}, subscribed from {@code opensOn} to
 * {@code closesOn}; {@code status} {@code OPEN}, {@code CLOSED} (allocated and settled on
 * {@code endedOn}) or {@code CANCELLED}. {@code unitsSubscribed} above {@code size} means it was
 * oversubscribed and allocated pro rata; {@code proceeds} = units allocated × price.
 */
public record OfferingView(
        String offeringId,
        long size,
        BigDecimal price,
        LocalDate opensOn,
        LocalDate closesOn,
        String status,
        int subscriptions,
        long unitsSubscribed,
        long unitsAllocated,
        BigDecimal proceeds,
        LocalDate endedOn) {
}

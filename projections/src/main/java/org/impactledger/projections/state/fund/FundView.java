package org.impactledger.projections.state.fund;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a fund stands: its capital (committed, called, paid in), the money that went out
 * (advances, distributions, refunds of outcome payments, Homes4All property acquisitions) and came
 * in (outcome payments, rent net of reversed collections), the cash left, and the latest net asset
 * value. All amounts are in {@code currency}.
 *
 * <p>{@code cash} = paid in + outcome payments received + rent income − advanced − distributed −
 * refunded − property acquisitions.
 * {@code lastEventIndex} is the sequence number of the last fund event applied; it grows with every
 * change, so it also serves as the view's version (for example an ETag).
 */
public record FundView(
        String fundId,
        String name,
        String currency,
        String manager,
        BigDecimal returnCapMultiple,
        BigDecimal committed,
        BigDecimal called,
        BigDecimal paidIn,
        BigDecimal distributed,
        BigDecimal advanced,
        BigDecimal outcomePaymentsReceived,
        BigDecimal refunded,
        BigDecimal propertyAcquisitions,
        BigDecimal rentIncome,
        BigDecimal cash,
        BigDecimal latestNav,
        LocalDate latestNavDate,
        Instant openedAt,
        long lastEventIndex) {
}

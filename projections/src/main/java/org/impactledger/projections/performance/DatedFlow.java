package org.impactledger.projections.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A cash flow at a date, from the investor's side: money paid in is negative, money received positive. */
public record DatedFlow(LocalDate date, BigDecimal amount) {
    public DatedFlow {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }
}

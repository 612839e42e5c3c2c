package org.impactledger.api.web;

import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The ledger's date window ({@link DateWindows}), under {@code ledger.dates.*}. */
@ConfigurationProperties("ledger.dates")
public class DateWindowProperties {

    /** No date before this one is accepted. */
    private LocalDate earliest = LocalDate.of(1900, 1, 1);
    /** How far after today the date of a fact may lie (a value date, an outcome's date, an order's day ...). */
    private Period factHorizon = Period.ofYears(1);
    /** How far after today a term may end (a contract's end, a bond's maturity, a due date ...). */
    private Period termHorizon = Period.ofYears(100);

    public LocalDate getEarliest() {
        return earliest;
    }

    public void setEarliest(LocalDate earliest) {
        this.earliest = earliest;
    }

    public Period getFactHorizon() {
        return factHorizon;
    }

    public void setFactHorizon(Period factHorizon) {
        this.factHorizon = factHorizon;
    }

    public Period getTermHorizon() {
        return termHorizon;
    }

    public void setTermHorizon(Period termHorizon) {
        this.termHorizon = termHorizon;
    }
}

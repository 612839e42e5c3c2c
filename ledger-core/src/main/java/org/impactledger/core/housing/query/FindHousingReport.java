package org.impactledger.core.housing.query;

import java.time.Instant;
import java.time.LocalDate;
import org.impactledger.core.housing.TurinDistrict;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.FundId;

/**
 * The Homes4All housing report by district and in total: occupancy, rent due and collected,
 * discount to market rent, tenancy outcomes. Optionally one fund's ({@code fundId}) and one
 * district's ({@code district}, "1" to "8", checked against Turin's districts).
 *
 * <p>{@code asOf} is the business date: what had happened by the end of that day. {@code knownAt}
 * is the recording time: only what the ledger had recorded by then. Both are required here, because
 * months of stable housing grow with every day: the caller decides which day (the API defaults
 * {@code asOf} to the day of {@code knownAt}).
 */
public record FindHousingReport(FundId fundId, String district, LocalDate asOf, Instant knownAt) {
    public FindHousingReport {
        district = district == null || district.isBlank() ? null : TurinDistrict.of(district, "district").code();
        if (asOf == null) {
            throw DomainException.invalid("asOf", "asOf is required");
        }
        if (knownAt == null) {
            throw DomainException.invalid("knownAt", "knownAt is required");
        }
    }
}

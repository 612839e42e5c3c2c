package org.impactledger.projections.sdg;

import java.time.LocalDate;
import java.util.Objects;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.projections.report.TimeTravel;

/**
 * Asks for the SDG impact report. Every filter is optional ({@code null}: no filter); the period
 * bounds are outcome dates (see {@link ReportPeriod}). Lives beside the read model rather than in
 * the domain because it carries the report's {@link TimeTravel}.
 */
public record SdgImpactQuery(Programme programme, FundId fundId, ContractId contractId, PayerId payerId, LocalDate periodFrom,
                             LocalDate periodTo, TimeTravel timeTravel) {

    public SdgImpactQuery {
        Objects.requireNonNull(timeTravel, "timeTravel");
        if (periodFrom != null && periodTo != null && periodTo.isBefore(periodFrom)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "periodTo",
                    "periodTo (outcome dates up to " + periodTo + ") is before periodFrom (outcome dates from " + periodFrom + ")");
        }
    }

    /** Reads the query parameters as sent, refusing each bad one by its name. */
    public static SdgImpactQuery parse(String programme, String fundId, String contractId, String payerId, String periodFrom,
                                       String periodTo, TimeTravel timeTravel) {
        return new SdgImpactQuery(
                blank(programme) ? null : Programme.parse(programme, "programme"),
                blank(fundId) ? null : FundId.of(fundId.strip()),
                blank(contractId) ? null : ContractId.of(contractId.strip()),
                blank(payerId) ? null : PayerId.of(payerId.strip()),
                ReportPeriod.start(periodFrom, "periodFrom"),
                ReportPeriod.end(periodTo, "periodTo"),
                timeTravel);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package org.impactledger.projections.sdg;

import java.util.Arrays;
import java.util.Locale;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;

/**
 * The programmes whose outcomes the SDG report counts: the Outcome Fund (outcomes paid under
 * contracts), Homes4All (housing outcomes derived from property events) and the Social Impact
 * Stock Exchange (issuers' outcomes once verified). Any other name is refused rather than answered
 * with an empty report.
 */
public enum Programme {
    OUTCOME_FUND, HOMES4ALL, EXCHANGE;

    /** The programme named by a filter value (case-insensitive), or a refusal naming {@code field}. */
    public static Programme parse(String raw, String field) {
        String name = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Programme programme : values()) {
            if (programme.name().equals(name)) {
                return programme;
            }
        }
        throw new DomainException(ErrorCode.UNKNOWN_CODE, field,
                field + " must be one of " + Arrays.toString(values()) + ", was '" + raw + "'");
    }
}

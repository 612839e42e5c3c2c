package org.impactledger.projections.nrrp;

import java.util.Objects;
import org.impactledger.core.taxonomy.Cup;
import org.impactledger.core.taxonomy.NrrpMeasure;
import org.impactledger.projections.report.TimeTravel;

/**
 * Asks for the NRRP reconciliation, optionally for one CUP and/or one measure (any national form;
 * the report groups by its unique code), as of a business date and as known at an instant.
 */
public record NrrpReconciliationQuery(String cup, String measure, TimeTravel timeTravel) {

    public NrrpReconciliationQuery {
        Objects.requireNonNull(timeTravel, "timeTravel");
    }

    /** Reads the query parameters as sent, refusing a malformed CUP or measure by its name. */
    public static NrrpReconciliationQuery parse(String cup, String measure, TimeTravel timeTravel) {
        return new NrrpReconciliationQuery(
                cup == null || cup.isBlank() ? null : Cup.parse(cup, "cup").value(),
                measure == null || measure.isBlank() ? null : NrrpMeasure.parse(measure, "measure").uniqueCode(),
                timeTravel);
    }
}

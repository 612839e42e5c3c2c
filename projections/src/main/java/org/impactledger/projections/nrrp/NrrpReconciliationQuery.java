package org.impactledger.projections.nrrp;

import java.util.Objects;
import org.impactledger.core.taxonomy.Cup;
import org.impactledger.core.taxonomy.NrrpMeasure;
import org.impactledger.projections.report.TimeTravel;

/**
 * Asks for the whole NRRP reconciliation (every list whole: the CSV export), optionally for one CUP
 * and/or one measure (any national form; the report groups by its unique code), as of a business
 * date and as known at an instant. {@code latest}: no time bounds were given, so the materialised
 * reconciliation answers when there is one (as known at its last refresh).
 */
public record NrrpReconciliationQuery(String cup, String measure, TimeTravel timeTravel, boolean latest) {

    public NrrpReconciliationQuery {
        Objects.requireNonNull(timeTravel, "timeTravel");
    }

    /** Computed for exactly these bounds. */
    public NrrpReconciliationQuery(String cup, String measure, TimeTravel timeTravel) {
        this(cup, measure, timeTravel, false);
    }

    /** Reads the query parameters as sent, refusing a malformed CUP or measure by its name. */
    public static NrrpReconciliationQuery parse(String cup, String measure, TimeTravel timeTravel) {
        return new NrrpReconciliationQuery(
                cup == null || cup.isBlank() ? null : Cup.parse(cup, "cup").value(),
                measure == null || measure.isBlank() ? null : NrrpMeasure.parse(measure, "measure").uniqueCode(),
                timeTravel);
    }

    public NrrpReconciliationQuery latest(boolean latest) {
        return new NrrpReconciliationQuery(cup, measure, timeTravel, latest);
    }
}

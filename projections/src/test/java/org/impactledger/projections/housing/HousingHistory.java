package org.impactledger.projections.housing;

import static org.impactledger.projections.state.LedgerHistory.eur;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.housing.LeaseEndReason;
import org.impactledger.core.housing.PropertyUnit;
import org.impactledger.core.housing.event.LeaseEnded;
import org.impactledger.core.housing.event.LeaseSigned;
import org.impactledger.core.housing.event.PropertyAcquired;
import org.impactledger.core.housing.event.PropertyValuationRecorded;
import org.impactledger.core.housing.event.RentChargeCancelled;
import org.impactledger.core.housing.event.RentCharged;
import org.impactledger.core.housing.event.RentCollected;
import org.impactledger.core.housing.event.RentCollectionReversed;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.UnitId;
import org.impactledger.projections.state.LedgerHistory;

/**
 * The shared Homes4All history of the housing tests: events as the property aggregate records
 * them, each a minute after the previous one.
 *
 * <p>Fund "fund-h4a" (EUR) buys Via Cigna 14 in district 6 (three flats: market rent 620, 780 and
 * 450) on 2026-02-01 for 420,000 and Via Nizza 150 in district 8 (two flats: 700 and 560) on
 * 2026-03-01 for 310,000. Leases, rent a month / market rent:
 * <ul>
 *   <li>L-A1, flat A1, HH-001 (3 people), 400 / 620 from 2026-02-15: February to June charged and paid.</li>
 *   <li>L-A2, flat A2, HH-002 (4 people), 520 / 780 from 2026-03-01: March to June charged; March paid,
 *       300 of April paid, May and June not: arrears 1,260.</li>
 *   <li>L-B1, flat B1, HH-003 (2 people), 450 / 700 from 2026-03-10: March to June charged and paid; the
 *       first May payment (5 May) was returned by the bank on 20 May and paid again on 25 May.</li>
 *   <li>L-B2, flat B2, HH-004 (1 person), 380 / 560 from 2026-04-01: April to June charged and paid; July
 *       charged in error and cancelled; the lease ended on 2026-06-30, the household moved to autonomous housing.</li>
 * </ul>
 * Flat A3 stays vacant. Valuations at 2026-06-30: Via Cigna 435,000, restated later to 440,000;
 * Via Nizza 305,000.
 */
final class HousingHistory {

    static final FundId FUND = FundId.of("fund-h4a");
    static final PropertyId CIGNA = PropertyId.of("prop-cigna-14");
    static final PropertyId NIZZA = PropertyId.of("prop-nizza-150");
    static final LeaseId A1 = LeaseId.of("L-A1");
    static final LeaseId A2 = LeaseId.of("L-A2");
    static final LeaseId B1 = LeaseId.of("L-B1");
    static final LeaseId B2 = LeaseId.of("L-B2");

    private HousingHistory() {
    }

    static LedgerHistory homes4All() {
        LedgerHistory h = new LedgerHistory();
        h.then(new PropertyAcquired(CIGNA, FUND, "Via Cigna 14, Torino", "6", eur("420000"), date("2026-02-01"), List.of(
                        unit("A1", "48.50", 2, "620"), unit("A2", "65", 3, "780"), unit("A3", "32", 1, "450"))))
                .then(signed(CIGNA, A1, "A1", "HH-001", 3, "400", "620", "2026-02-15"))
                .then(charged(CIGNA, A1, "2026-02", "400"))
                .then(collected(CIGNA, A1, "a1-02", "2026-02", "400", "2026-02-20", "0"))
                .then(new PropertyAcquired(NIZZA, FUND, "Via Nizza 150, Torino", "8", eur("310000"), date("2026-03-01"), List.of(
                        unit("B1", "55", 2, "700"), unit("B2", "40", 2, "560"))))
                .then(signed(CIGNA, A2, "A2", "HH-002", 4, "520", "780", "2026-03-01"))
                .then(signed(NIZZA, B1, "B1", "HH-003", 2, "450", "700", "2026-03-10"));
        // March
        h.then(charged(CIGNA, A1, "2026-03", "400"))
                .then(charged(CIGNA, A2, "2026-03", "520"))
                .then(charged(NIZZA, B1, "2026-03", "450"))
                .then(collected(CIGNA, A1, "a1-03", "2026-03", "400", "2026-03-05", "0"))
                .then(collected(CIGNA, A2, "a2-03", "2026-03", "520", "2026-03-05", "0"))
                .then(collected(NIZZA, B1, "b1-03", "2026-03", "450", "2026-03-12", "0"))
                .then(signed(NIZZA, B2, "B2", "HH-004", 1, "380", "560", "2026-04-01"));
        // April
        h.then(charged(CIGNA, A1, "2026-04", "400"))
                .then(charged(CIGNA, A2, "2026-04", "520"))
                .then(charged(NIZZA, B1, "2026-04", "450"))
                .then(charged(NIZZA, B2, "2026-04", "380"))
                .then(collected(CIGNA, A1, "a1-04", "2026-04", "400", "2026-04-05", "0"))
                .then(collected(CIGNA, A2, "a2-04", "2026-04", "300", "2026-04-07", "220"))
                .then(collected(NIZZA, B1, "b1-04", "2026-04", "450", "2026-04-05", "0"))
                .then(collected(NIZZA, B2, "b2-04", "2026-04", "380", "2026-04-05", "0"));
        // May
        h.then(charged(CIGNA, A1, "2026-05", "400"))
                .then(charged(CIGNA, A2, "2026-05", "520"))
                .then(charged(NIZZA, B1, "2026-05", "450"))
                .then(charged(NIZZA, B2, "2026-05", "380"))
                .then(collected(CIGNA, A1, "a1-05", "2026-05", "400", "2026-05-05", "0"))
                .then(collected(NIZZA, B1, "b1-05", "2026-05", "450", "2026-05-05", "0"))
                .then(collected(NIZZA, B2, "b2-05", "2026-05", "380", "2026-05-05", "0"))
                .then(new RentCollectionReversed(NIZZA, B1, "b1-05", "2026-05", eur("450"), "returned by the bank", date("2026-05-20"), eur("450")))
                .then(collected(NIZZA, B1, "b1-05b", "2026-05", "450", "2026-05-25", "0"));
        // June
        h.then(charged(CIGNA, A1, "2026-06", "400"))
                .then(charged(CIGNA, A2, "2026-06", "520"))
                .then(charged(NIZZA, B1, "2026-06", "450"))
                .then(charged(NIZZA, B2, "2026-06", "380"))
                .then(collected(CIGNA, A1, "a1-06", "2026-06", "400", "2026-06-05", "0"))
                .then(collected(NIZZA, B1, "b1-06", "2026-06", "450", "2026-06-05", "0"))
                .then(collected(NIZZA, B2, "b2-06", "2026-06", "380", "2026-06-05", "0"));
        // the end of L-B2, after a July charge made in error and cancelled
        h.then(charged(NIZZA, B2, "2026-07", "380"))
                .then(new RentChargeCancelled(NIZZA, B2, "2026-07", eur("380"), "household moved out at the end of June"))
                .then(new LeaseEnded(NIZZA, B2, UnitId.of("B2"), HouseholdId.of("HH-004"), date("2026-06-30"),
                        LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING, null));
        // valuations
        h.then(new PropertyValuationRecorded(CIGNA, FUND, eur("435000"), date("2026-06-30"), "independent appraisal"))
                .then(new PropertyValuationRecorded(NIZZA, FUND, eur("305000"), date("2026-06-30"), "independent appraisal"))
                .then(new PropertyValuationRecorded(CIGNA, FUND, eur("440000"), date("2026-06-30"), "appraisal restated after the survey"));
        return h;
    }

    static PropertyUnit unit(String id, String area, int rooms, String marketRent) {
        return new PropertyUnit(UnitId.of(id), new BigDecimal(area), rooms, eur(marketRent));
    }

    static LeaseSigned signed(PropertyId property, LeaseId lease, String unit, String household, int size, String rent, String market,
                              String start) {
        return new LeaseSigned(property, FUND, lease, UnitId.of(unit), HouseholdId.of(household), size, eur(rent), eur(market), date(start));
    }

    static RentCharged charged(PropertyId property, LeaseId lease, String period, String amount) {
        return new RentCharged(property, lease, period, eur(amount));
    }

    static RentCollected collected(PropertyId property, LeaseId lease, String collectionId, String period, String amount, String paid,
                                   String outstanding) {
        return new RentCollected(property, lease, collectionId, period, eur(amount), date(paid), "SEPA-" + collectionId, eur(outstanding));
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}

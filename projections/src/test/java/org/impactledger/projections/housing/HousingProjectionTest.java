package org.impactledger.projections.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.impactledger.projections.housing.HousingHistory.A1;
import static org.impactledger.projections.housing.HousingHistory.A2;
import static org.impactledger.projections.housing.HousingHistory.B1;
import static org.impactledger.projections.housing.HousingHistory.B2;
import static org.impactledger.projections.housing.HousingHistory.CIGNA;
import static org.impactledger.projections.housing.HousingHistory.FUND;
import static org.impactledger.projections.housing.HousingHistory.NIZZA;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.housing.query.FindLease;
import org.impactledger.core.housing.query.FindProperty;
import org.impactledger.core.housing.query.ListProperties;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The housing read model's current state on PostgreSQL: properties, units, current leases and each lease's rent ledger. */
class HousingProjectionTest {

    private static HousingTables tables;

    /** The tests only read, so the history is applied once. */
    @BeforeAll
    static void history() {
        tables = new HousingTables(HousingDatabases.postgres());
        tables.reset();
        tables.applyAll(HousingHistory.homes4All().events());
    }

    @Test
    void lists_properties_by_id_with_their_units_occupancy_and_latest_valuation() {
        PropertyPage page = tables.queries.handle(new ListProperties(null, null, 0, 50));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).containsExactly(
                new PropertyView(CIGNA.value(), FUND.value(), "Via Cigna 14, Torino", "6",
                        "Barriera di Milano, Regio Parco, Barca, Bertolla, Falchera, Rebaudengo, Villaretto", "EUR", money("420000.00"),
                        LocalDate.parse("2026-02-01"), 3, 2, money("440000.00"), LocalDate.parse("2026-06-30"), "appraisal restated after the survey",
                        20),
                new PropertyView(NIZZA.value(), FUND.value(), "Via Nizza 150, Torino", "8",
                        "San Salvario, Cavoretto, Borgo Po, Nizza Millefonti, Lingotto, Filadelfia", "EUR", money("310000.00"),
                        LocalDate.parse("2026-03-01"), 2, 1, money("305000.00"), LocalDate.parse("2026-06-30"), "independent appraisal", 22));
    }

    @Test
    void filters_properties_by_district_and_by_fund_and_pages_them() {
        assertThat(tables.queries.handle(new ListProperties(null, "8", 0, 50)).items()).extracting(PropertyView::propertyId)
                .containsExactly(NIZZA.value());
        assertThat(tables.queries.handle(new ListProperties(FUND, null, 1, 1)).items()).extracting(PropertyView::propertyId)
                .containsExactly(NIZZA.value());
        assertThat(tables.queries.handle(new ListProperties(FundId.of("fund-other"), null, 0, 50)).total()).isZero();
        assertThat(tables.queries.handle(new ListProperties(FUND, "1", 0, 50)).items()).isEmpty();
    }

    @Test
    void a_property_shows_its_units_in_acquisition_order_with_the_lease_each_is_let_under_and_its_arrears() {
        PropertyDetailView property = tables.queries.handle(new FindProperty(CIGNA));

        assertThat(property.property().occupiedUnits()).isEqualTo(2);
        assertThat(property.units()).containsExactly(
                new UnitView("A1", new BigDecimal("48.5"), 2, money("620.00"), new CurrentLeaseView("L-A1", "HH-001", 3, money("400.00"),
                        money("620.00"), LocalDate.parse("2026-02-15"), money("0.00"))),
                new UnitView("A2", new BigDecimal("65"), 3, money("780.00"), new CurrentLeaseView("L-A2", "HH-002", 4, money("520.00"),
                        money("780.00"), LocalDate.parse("2026-03-01"), money("1260.00"))),
                new UnitView("A3", new BigDecimal("32"), 1, money("450.00"), null));
    }

    @Test
    void a_unit_whose_lease_ended_is_vacant_again() {
        PropertyDetailView property = tables.queries.handle(new FindProperty(NIZZA));

        assertThat(property.units()).extracting(UnitView::unitId).containsExactly("B1", "B2");
        assertThat(property.units().get(0).currentLease().leaseId()).isEqualTo("L-B1");
        assertThat(property.units().get(1).currentLease()).isNull();
        assertThat(property.property().occupiedUnits()).isEqualTo(1);
    }

    @Test
    void an_unknown_property_or_lease_is_null() {
        assertThat(tables.queries.handle(new FindProperty(PropertyId.of("prop-nowhere")))).isNull();
        assertThat(tables.queries.handle(new FindLease(CIGNA, LeaseId.of("L-NONE")))).isNull();
        assertThat(tables.queries.handle(new FindLease(CIGNA, B1))).isNull();
    }

    @Test
    void a_lease_in_arrears_shows_due_collected_and_arrears_per_month() {
        LeaseView lease = tables.queries.handle(new FindLease(CIGNA, A2));

        assertThat(lease.active()).isTrue();
        assertThat(lease.monthlyDiscount()).isEqualTo(money("260.00"));
        assertThat(lease.rentDue()).isEqualTo(money("2080.00"));
        assertThat(lease.rentCollected()).isEqualTo(money("820.00"));
        assertThat(lease.arrears()).isEqualTo(money("1260.00"));
        assertThat(lease.months()).extracting(RentMonthView::period, RentMonthView::due, RentMonthView::collected, RentMonthView::arrears)
                .containsExactly(
                        tuple("2026-03", money("520.00"), money("520.00"), money("0.00")),
                        tuple("2026-04", money("520.00"), money("300.00"), money("220.00")),
                        tuple("2026-05", money("520.00"), money("0.00"), money("520.00")),
                        tuple("2026-06", money("520.00"), money("0.00"), money("520.00")));
    }

    @Test
    void a_reversed_collection_stays_in_the_ledger_with_its_reversal_and_no_longer_counts() {
        LeaseView lease = tables.queries.handle(new FindLease(NIZZA, B1));

        RentMonthView may = lease.months().get(2);
        assertThat(may.period()).isEqualTo("2026-05");
        assertThat(may.collected()).isEqualTo(money("450.00"));
        assertThat(may.collections()).containsExactly(
                new RentCollectionView("b1-05", money("450.00"), LocalDate.parse("2026-05-05"), "SEPA-b1-05", LocalDate.parse("2026-05-20"),
                        "returned by the bank"),
                new RentCollectionView("b1-05b", money("450.00"), LocalDate.parse("2026-05-25"), "SEPA-b1-05b", null, null));
        assertThat(lease.rentCollected()).isEqualTo(money("1800.00"));
        assertThat(lease.arrears()).isEqualTo(money("0.00"));
    }

    @Test
    void an_ended_lease_keeps_its_end_and_a_cancelled_month_is_gone_from_its_ledger() {
        LeaseView lease = tables.queries.handle(new FindLease(NIZZA, B2));

        assertThat(lease.active()).isFalse();
        assertThat(lease.endDate()).isEqualTo(LocalDate.parse("2026-06-30"));
        assertThat(lease.endReason()).isEqualTo("MOVED_TO_AUTONOMOUS_HOUSING");
        assertThat(lease.months()).extracting(RentMonthView::period).containsExactly("2026-04", "2026-05", "2026-06");
        assertThat(lease.rentDue()).isEqualTo(money("1140.00"));
        assertThat(lease.householdId()).isEqualTo("HH-004");
    }

    @Test
    void a_lease_paid_on_time_has_no_arrears() {
        LeaseView lease = tables.queries.handle(new FindLease(CIGNA, A1));

        assertThat(lease.months()).hasSize(5);
        assertThat(lease.months()).allSatisfy(month -> assertThat(month.arrears()).isEqualTo(money("0.00")));
        assertThat(lease.rentDue()).isEqualTo(money("2000.00"));
        assertThat(lease.currency()).isEqualTo("EUR");
        assertThat(List.of(lease.startDate(), lease.unitId())).containsExactly(LocalDate.parse("2026-02-15"), "A1");
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}

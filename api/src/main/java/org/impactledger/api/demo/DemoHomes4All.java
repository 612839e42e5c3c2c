package org.impactledger.api.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.RequestContext;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.fund.command.CallCapital;
import org.impactledger.core.fund.command.CommitCapital;
import org.impactledger.core.fund.command.OpenFund;
import org.impactledger.core.fund.command.ReceiveCapital;
import org.impactledger.core.housing.LeaseEndReason;
import org.impactledger.core.housing.PropertyUnit;
import org.impactledger.core.housing.command.AcquireProperty;
import org.impactledger.core.housing.command.ChargeRent;
import org.impactledger.core.housing.command.CollectRent;
import org.impactledger.core.housing.command.EndLease;
import org.impactledger.core.housing.command.RecordPropertyValuation;
import org.impactledger.core.housing.command.ReverseRentCollection;
import org.impactledger.core.housing.command.SignLease;
import org.impactledger.core.nrrp.NrrpProject;
import org.impactledger.core.nrrp.command.AllocateNrrpFunds;
import org.impactledger.core.nrrp.command.EnterNrrpCommitment;
import org.impactledger.core.nrrp.command.RegisterNrrpProject;
import org.impactledger.core.nrrp.command.ReportNrrpExpenditure;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpProjectId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.UnitId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realistic slice of Homes4All, seeded with the demo: a housing fund whose three investors pay in
 * 1,750,000.00; three buildings in Barriera di Milano (district 6), Aurora (7) and Nizza Millefonti
 * (8) with nine flats; seven households (pseudonymous ids) housed at 37–39 % below market rent;
 * rent charged and collected from March to June 2026, with one direct debit returned by the bank
 * and paid again, and one household in arrears (Corso Vercelli, flat V2: 200.00 of May's 430.00
 * paid, June not: 660.00 outstanding); one tenancy ended on 30 June 2026 with a move to
 * autonomous housing; two buildings valued at 30 June 2026. In September two more buildings are
 * bought with NRRP (PINQuA) money, for the city's reconciliation (see {@code nrrpFunded}).
 *
 * <p>Every command has a fixed idempotency key of its own ({@code demo-h4a-NNN}, apart from the
 * Outcome Fund's {@code demo-NNN}), so seeding twice changes nothing. The figures the housing report
 * must show for it are worked out in {@code DemoScenarioTest}.
 */
public class DemoHomes4All {

    private static final Logger log = LoggerFactory.getLogger(DemoHomes4All.class);

    public static final FundId FUND = FundId.of("homes4all-torino");
    public static final PropertyId CIGNA = PropertyId.of("h4a-via-cigna-14");
    public static final PropertyId VERCELLI = PropertyId.of("h4a-corso-vercelli-112");
    public static final PropertyId NIZZA = PropertyId.of("h4a-via-nizza-230");
    public static final PropertyId GHEDINI = PropertyId.of("h4a-via-ghedini-6");
    public static final PropertyId LUNGO_DORA = PropertyId.of("h4a-lungo-dora-firenze-85");

    /** NRRP measure M5C2I2.3: PINQuA, the innovative programme for the quality of housing. */
    public static final String PINQUA = "M5C2I2.3";
    public static final String PINQUA_ACQUISITIONS = "C17H21000270001";
    public static final String PINQUA_RETROFIT = "C17H21000280001";
    /** The CUP the Lungo Dora purchase was tagged with by mistake: no NRRP project has it. */
    public static final String MISTYPED_CUP = "C17H21000290001";

    private static final String MANAGER = "homes4all-manager";
    private static final String OFFICER = "housing-officer-h4a";
    private static final String TREASURER = "treasurer-h4a";
    private static final YearMonth LAST_MONTH = YearMonth.of(2026, 6);

    private final CommandDispatcher dispatcher;
    private int step;
    private int replayed;

    public DemoHomes4All(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public void seed() {
        LocalDate opened = LocalDate.of(2026, 1, 12);
        send(MANAGER, "fund-manager", opened, new OpenFund(FUND, "Homes4All Torino – social housing fund", "EUR", "Homes4All Impact SGR",
                new BigDecimal("1.20")));
        investor("investor-banking-foundation", "1500000.00", "1000000.00", opened);
        investor("investor-social-housing-bank", "800000.00", "500000.00", opened);
        investor("investor-pension-fund", "500000.00", "250000.00", opened);

        acquire(CIGNA, "Via Cigna 14, Torino", "6", "480000.00", LocalDate.of(2026, 2, 2), List.of(
                unit("C1", "52.00", 2, "620.00"), unit("C2", "68.50", 3, "780.00"), unit("C3", "38.00", 1, "480.00"), unit("C4", "75.00", 4, "850.00")));
        acquire(VERCELLI, "Corso Vercelli 112, Torino", "7", "365000.00", LocalDate.of(2026, 2, 16), List.of(
                unit("V1", "45.00", 2, "560.00"), unit("V2", "60.00", 3, "690.00"), unit("V3", "34.00", 1, "430.00")));
        acquire(NIZZA, "Via Nizza 230, Torino", "8", "290000.00", LocalDate.of(2026, 3, 2), List.of(
                unit("N1", "55.00", 2, "640.00"), unit("N2", "70.00", 3, "760.00")));

        // flats C3 and V3 stay vacant; every lease starts on the first of a month and is let below market rent
        tenancy(CIGNA, "lease-c1", "C1", "hh-2f7c91", 3, "390.00", "620.00", YearMonth.of(2026, 3));
        tenancy(CIGNA, "lease-c2", "C2", "hh-a41d06", 5, "480.00", "780.00", YearMonth.of(2026, 3));
        tenancy(CIGNA, "lease-c4", "C4", "hh-5be3f2", 4, "520.00", "850.00", YearMonth.of(2026, 4));
        tenancy(VERCELLI, "lease-v1", "V1", "hh-c8e270", 2, "350.00", "560.00", YearMonth.of(2026, 3));
        tenancy(VERCELLI, "lease-v2", "V2", "hh-0d94ab", 4, "430.00", "690.00", YearMonth.of(2026, 4));
        tenancy(NIZZA, "lease-n1", "N1", "hh-9a61e4", 2, "400.00", "640.00", YearMonth.of(2026, 4));
        tenancy(NIZZA, "lease-n2", "N2", "hh-e3b5c8", 3, "470.00", "760.00", YearMonth.of(2026, 5));

        for (YearMonth month = YearMonth.of(2026, 3); !month.isAfter(LAST_MONTH); month = month.plusMonths(1)) {
            rentMonth(month);
        }
        // lease-v1: the household moved on to a flat of its own at the end of June
        LocalDate moved = LocalDate.of(2026, 6, 30);
        send(OFFICER, "housing-officer", moved, new EndLease(VERCELLI, LeaseId.of("lease-v1"), moved, LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING,
                "Household moved to a private rental of its own"));

        send(MANAGER, "fund-manager", moved, new RecordPropertyValuation(CIGNA, eur("505000.00"), moved, "Independent appraisal (RICS Red Book)"));
        send(MANAGER, "fund-manager", moved, new RecordPropertyValuation(VERCELLI, eur("372000.00"), moved, "Independent appraisal (RICS Red Book)"));

        nrrpFunded();
        log.info("Demo Homes4All: {} commands, {} newly applied, {} already seeded", step, step - replayed, replayed);
    }

    /**
     * Homes4All money under the NRRP, as the city's finance office sees it before its final report.
     * The city registers two PINQuA projects (measure M5C2I2.3): {@link #PINQUA_ACQUISITIONS}, granted
     * 200,000.00 towards buying flats, and {@link #PINQUA_RETROFIT}, granted 120,000.00 for the energy
     * retrofit of Via Cigna 14 (95,000.00 committed to a builder, 35,000.00 reported to ReGiS for
     * September). In September the fund buys Via Ghedini 6 (240,000.00, tagged with the acquisitions
     * CUP) and Lungo Dora Firenze 85 (210,000.00, tagged with {@link #MISTYPED_CUP}, a CUP no project
     * has: a typing error in the tag).
     *
     * <p>So the reconciliation has something to show: the acquisitions project paid 240,000.00, beyond
     * its allocation and not yet reported; the retrofit reported 35,000.00 the ledger never paid (the
     * builder was paid outside the ledger); the second flat's payment carries an unknown CUP; and no
     * bank statement confirms either purchase yet.
     */
    private void nrrpFunded() {
        String officer = "city-finance-turin";
        LocalDate registered = LocalDate.of(2026, 3, 10);
        NrrpProjectId acquisitions = NrrpProject.idOf(PINQUA_ACQUISITIONS, "H4A-PINQUA-ACQ", PINQUA);
        send(officer, "finance-officer", registered, new RegisterNrrpProject(acquisitions, PINQUA_ACQUISITIONS, "H4A-PINQUA-ACQ", PINQUA,
                "Homes4All: flats for households leaving homelessness (PINQuA)", "EUR"));
        send(officer, "finance-officer", registered, new AllocateNrrpFunds(acquisitions, "pinqua-2021-acq", eur("200000.00"),
                "Decreto MIMS n. 383/2021 (PINQuA), Torino proposal 2", LocalDate.of(2021, 10, 7)));
        NrrpProjectId retrofit = NrrpProject.idOf(PINQUA_RETROFIT, "H4A-PINQUA-RETRO", PINQUA);
        send(officer, "finance-officer", registered, new RegisterNrrpProject(retrofit, PINQUA_RETROFIT, "H4A-PINQUA-RETRO", PINQUA,
                "Homes4All: energy retrofit of Via Cigna 14 (PINQuA)", "EUR"));
        send(officer, "finance-officer", registered, new AllocateNrrpFunds(retrofit, "pinqua-2021-retro", eur("120000.00"),
                "Decreto MIMS n. 383/2021 (PINQuA), Torino proposal 2", LocalDate.of(2021, 10, 7)));
        send(officer, "finance-officer", LocalDate.of(2026, 4, 20), new EnterNrrpCommitment(retrofit, "retrofit-works", "C3D4E5F6A7",
                "Edilizia Sabauda S.r.l.", eur("95000.00"), LocalDate.of(2026, 4, 20)));

        acquire(GHEDINI, "Via Ghedini 6, Torino", "6", "240000.00", LocalDate.of(2026, 9, 1), List.of(
                unit("G1", "50.00", 2, "600.00"), unit("G2", "64.00", 3, "720.00")),
                new NrrpTag(PINQUA_ACQUISITIONS, PINQUA), "BONIF-H4A-2026-09-GHEDINI");
        acquire(LUNGO_DORA, "Lungo Dora Firenze 85, Torino", "7", "210000.00", LocalDate.of(2026, 9, 15), List.of(
                unit("F1", "47.00", 2, "580.00"), unit("F2", "58.00", 3, "650.00")),
                new NrrpTag(MISTYPED_CUP, PINQUA), "BONIF-H4A-2026-09-LUNGODORA");

        LocalDate reported = LocalDate.of(2026, 10, 15);
        send(officer, "finance-officer", reported, new ReportNrrpExpenditure(retrofit, "regis-retro-2026-09", "2026-09", eur("35000.00"),
                reported));
    }

    private void investor(String investor, String committed, String called, LocalDate date) {
        InvestorId id = InvestorId.of(investor);
        send(MANAGER, "fund-manager", date, new CommitCapital(FUND, id, eur(committed), date));
        String call = "call-1-" + investor;
        send(MANAGER, "fund-manager", date, new CallCapital(FUND, call, id, eur(called), date.plusDays(15)));
        LocalDate paid = date.plusDays(10);
        send(MANAGER, "fund-manager", paid, new ReceiveCapital(FUND, call, eur(called), paid, "SEPA-H4A-" + investor.toUpperCase()));
    }

    private void acquire(PropertyId property, String address, String district, String price, LocalDate on, List<PropertyUnit> units) {
        acquire(property, address, district, price, on, units, null, null);
    }

    private void acquire(PropertyId property, String address, String district, String price, LocalDate on, List<PropertyUnit> units,
                         NrrpTag nrrp, String bankReference) {
        send(MANAGER, "fund-manager", on, new AcquireProperty(property, FUND, address, district, eur(price), on, units, nrrp, bankReference));
    }

    private void tenancy(PropertyId property, String lease, String unit, String household, int size, String rent, String market, YearMonth from) {
        LocalDate start = from.atDay(1);
        send(OFFICER, "housing-officer", start, new SignLease(property, LeaseId.of(lease), UnitId.of(unit), HouseholdId.of(household), size,
                eur(rent), eur(market), start));
    }

    /**
     * Charges the month on every lease running in it and collects it on the 5th, except lease-v2
     * (200.00 of May paid on the 12th, June unpaid) and lease-c2's May payment, returned by the
     * bank on the 12th and paid again on the 20th.
     */
    private void rentMonth(YearMonth month) {
        record Lease(PropertyId property, String id, String rent, YearMonth from) {
        }
        List<Lease> leases = List.of(
                new Lease(CIGNA, "lease-c1", "390.00", YearMonth.of(2026, 3)),
                new Lease(CIGNA, "lease-c2", "480.00", YearMonth.of(2026, 3)),
                new Lease(CIGNA, "lease-c4", "520.00", YearMonth.of(2026, 4)),
                new Lease(VERCELLI, "lease-v1", "350.00", YearMonth.of(2026, 3)),
                new Lease(VERCELLI, "lease-v2", "430.00", YearMonth.of(2026, 4)),
                new Lease(NIZZA, "lease-n1", "400.00", YearMonth.of(2026, 4)),
                new Lease(NIZZA, "lease-n2", "470.00", YearMonth.of(2026, 5)));
        for (Lease lease : leases) {
            if (month.isBefore(lease.from())) {
                continue;
            }
            send(OFFICER, "housing-officer", month.atDay(1), new ChargeRent(lease.property(), LeaseId.of(lease.id()), month.toString()));
            String collection = lease.id() + "-" + month;
            if (lease.id().equals("lease-v2") && month.equals(YearMonth.of(2026, 5))) {
                collect(lease.property(), lease.id(), collection, month, "200.00", month.atDay(12));
            } else if (lease.id().equals("lease-v2") && month.equals(YearMonth.of(2026, 6))) {
                continue; // the household in arrears: June not paid
            } else {
                collect(lease.property(), lease.id(), collection, month, lease.rent(), month.atDay(5));
            }
            if (lease.id().equals("lease-c2") && month.equals(YearMonth.of(2026, 5))) {
                LocalDate returned = month.atDay(12);
                send(TREASURER, "treasurer", returned, new ReverseRentCollection(CIGNA, collection, "Direct debit returned by the bank: insufficient funds",
                        returned));
                collect(CIGNA, lease.id(), collection + "-retry", month, lease.rent(), month.atDay(20));
            }
        }
    }

    private void collect(PropertyId property, String lease, String collection, YearMonth month, String amount, LocalDate paid) {
        send(TREASURER, "treasurer", paid, new CollectRent(property, LeaseId.of(lease), collection, month.toString(), eur(amount), paid,
                "SEPA-" + collection.toUpperCase()));
    }

    private void send(String principal, String role, LocalDate businessDate, Object command) {
        step++;
        String key = "demo-h4a-" + String.format("%03d", step);
        if (dispatcher.send(command, new RequestContext(principal, role, key, "demo-homes4all", businessDate)).replayed()) {
            replayed++;
        }
    }

    private static PropertyUnit unit(String id, String area, int rooms, String marketRent) {
        return new PropertyUnit(UnitId.of(id), new BigDecimal(area), rooms, eur(marketRent));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}

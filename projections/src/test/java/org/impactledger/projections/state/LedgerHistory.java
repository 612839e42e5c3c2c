package org.impactledger.projections.state;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.impactledger.core.contract.PaymentRule;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.contract.event.ContractClosed;
import org.impactledger.core.contract.event.ContractSigned;
import org.impactledger.core.contract.event.OutcomePaymentApproved;
import org.impactledger.core.contract.event.OutcomePaymentExecuted;
import org.impactledger.core.contract.event.OutcomePaymentReversed;
import org.impactledger.core.contract.event.OutcomeRejected;
import org.impactledger.core.contract.event.OutcomeReported;
import org.impactledger.core.contract.event.OutcomeVerified;
import org.impactledger.core.contract.event.OutcomeWithdrawn;
import org.impactledger.core.contract.event.RateCardAmended;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.fund.event.CapitalCalled;
import org.impactledger.core.fund.event.CapitalCommitted;
import org.impactledger.core.fund.event.CapitalReceived;
import org.impactledger.core.fund.event.DistributionMade;
import org.impactledger.core.fund.event.DistributionShare;
import org.impactledger.core.fund.event.FundOpened;
import org.impactledger.core.fund.event.OutcomeBudgetCommitted;
import org.impactledger.core.fund.event.OutcomeBudgetReleased;
import org.impactledger.core.fund.event.OutcomeBudgetReserved;
import org.impactledger.core.fund.event.OutcomePaymentReceived;
import org.impactledger.core.fund.event.OutcomePaymentRefunded;
import org.impactledger.core.fund.event.ValuationRecorded;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;

/**
 * The shared test data: events as the fund and contract aggregates would record them, each with
 * the next sequence number of its own stream and a timestamp one minute after the previous event
 * (with microseconds, as Axon's clock gives them). {@link #outcomeFund()} is the whole history of
 * one outcome fund used by several tests; the builder methods let a test write its own.
 */
public final class LedgerHistory {

    public static final FundId FUND = FundId.of("fund-torino");
    public static final FundId OTHER_FUND = FundId.of("fund-bari");
    public static final InvestorId INVESTOR_A = InvestorId.of("inv-fondazione");
    public static final InvestorId INVESTOR_B = InvestorId.of("inv-banca");
    public static final BudgetId BUDGET = BudgetId.of("budget-comune");
    public static final PayerId PAYER = PayerId.of("payer-comune-torino");
    public static final ProviderId PROVIDER = ProviderId.of("prov-coop-lavoro");
    public static final ContractId CONTRACT = ContractId.of("contract-employment");
    public static final ContractId SECOND_CONTRACT = ContractId.of("contract-training");
    public static final String EMPLOYMENT = "EMP-6M";
    public static final String TRAINING = "TRAIN-H";
    public static final Instant START = Instant.parse("2026-03-02T08:30:00.123456Z");

    private final List<Recorded> events = new ArrayList<>();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private Instant clock = START;

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    public static OutcomeId outcome(String id) {
        return OutcomeId.of(id);
    }

    /** Appends an event to its aggregate's stream. */
    public LedgerHistory then(Object event) {
        Recorded recorded = new Recorded(event, 0, clock);
        long sequence = nextSequence.merge(recorded.aggregateId(), 1L, Long::sum) - 1;
        events.add(new Recorded(event, sequence, clock));
        clock = clock.plus(Duration.ofMinutes(1));
        return this;
    }

    public List<Recorded> events() {
        return List.copyOf(events);
    }

    /** The last event appended, as recorded. */
    public Recorded last() {
        return events.get(events.size() - 1);
    }

    // ---- the outcome fund's history ------------------------------------------------------------

    /**
     * Fund "fund-torino" (EUR): two investors commit 1,000,000 and pay in 500,000; the city commits
     * an NRRP-tagged budget of 250,000; 100,000 is advanced to the provider. Under the employment
     * contract outcome o-1 is paid 2,400 (8 training hours × 300); o-2's approval of 800 is reversed
     * before payment; o-3's payment of 1,600 is executed, then reversed and refunded; o-4 is
     * rejected, o-5 withdrawn, o-6 only reported after the rate card amendment. A second contract
     * has one approved, unpaid outcome. 50,000 is distributed; a back-dated valuation follows the
     * latest one. A second fund exists with nothing else.
     *
     * <p>Expected: fund cash 500,000 + 2,400 + 1,600 − 100,000 − 50,000 − 1,600 = 352,400; budget
     * reserved 1,200 (o-1 of the second contract), paid 2,400; contract approved 2,400, paid 2,400.
     */
    public static LedgerHistory outcomeFund() {
        LedgerHistory h = new LedgerHistory();
        h.then(new FundOpened(FUND, "Fondo Esiti Torino", "EUR", "Impact SGR", new BigDecimal("1.30")))
                .then(new CapitalCommitted(FUND, INVESTOR_A, eur("600000"), eur("600000"), LocalDate.parse("2026-01-10")))
                .then(new CapitalCommitted(FUND, INVESTOR_B, eur("400000"), eur("400000"), LocalDate.parse("2026-01-12")))
                .then(new CapitalCalled(FUND, "call-1", INVESTOR_A, eur("300000"), LocalDate.parse("2026-02-01")))
                .then(new CapitalCalled(FUND, "call-1", INVESTOR_B, eur("200000"), LocalDate.parse("2026-02-01")))
                .then(new CapitalReceived(FUND, "call-1", INVESTOR_A, eur("300000"), LocalDate.parse("2026-01-30"), "BNK-IN-1"))
                .then(new CapitalReceived(FUND, "call-1", INVESTOR_B, eur("200000"), LocalDate.parse("2026-01-31"), "BNK-IN-2"))
                .then(new OutcomeBudgetCommitted(FUND, BUDGET, PAYER, eur("250000"), new NrrpTag("D11B21000190006", "M5C2I1.3"),
                        LocalDate.parse("2026-02-05")))
                .then(new FundOpened(OTHER_FUND, "Fondo Esiti Bari", "EUR", "Sud Impact", new BigDecimal("1.25")))
                .then(new ContractSigned(CONTRACT, FUND, PROVIDER, BUDGET, PAYER, "Inserimento lavorativo",
                        LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"), eur("200000"), List.of(
                        new RateCardEntry(EMPLOYMENT, "Six months in employment", eur("800"), List.of("8.5", "10.2"),
                                PaymentRule.ONCE_PER_BENEFICIARY),
                        new RateCardEntry(TRAINING, "Hour of certified training", eur("300"), List.of("4.4"),
                                PaymentRule.ONCE_PER_BENEFICIARY_PER_PERIOD))))
                .then(new WorkingCapitalAdvanced(FUND, "adv-1", PROVIDER, CONTRACT, eur("100000"), LocalDate.parse("2026-02-10")));
        // o-1: reported, verified, approved, paid
        h.reported(CONTRACT, "o-1", "ben-1", TRAINING, "2026-Q1", "2026-03-15", "8")
                .then(new OutcomeVerified(CONTRACT, outcome("o-1"), new BigDecimal("8"), "attendance sheets checked", "verifier-anna"))
                .approved(CONTRACT, "o-1", "ben-1", TRAINING, "2026-Q1", "2026-03-15", "8", "300", List.of("4.4"))
                .then(new OutcomeBudgetReserved(FUND, BUDGET, CONTRACT, outcome("o-1"), eur("2400")))
                .then(new OutcomePaymentExecuted(CONTRACT, outcome("o-1"), FUND, eur("2400"), "BNK-OUT-1", LocalDate.parse("2026-04-10"),
                        "treasurer-bruno"))
                .then(new OutcomePaymentReceived(FUND, BUDGET, PAYER, CONTRACT, outcome("o-1"), eur("2400"), "BNK-OUT-1",
                        LocalDate.parse("2026-04-10")));
        // o-2: approval reversed before execution
        h.reported(CONTRACT, "o-2", "ben-2", EMPLOYMENT, "2026-Q1", "2026-03-20", "1")
                .then(new OutcomeVerified(CONTRACT, outcome("o-2"), new BigDecimal("1"), null, "verifier-anna"))
                .approved(CONTRACT, "o-2", "ben-2", EMPLOYMENT, "2026-Q1", "2026-03-20", "1", "800", List.of("8.5", "10.2"))
                .then(new OutcomeBudgetReserved(FUND, BUDGET, CONTRACT, outcome("o-2"), eur("800")))
                .then(new OutcomePaymentReversed(CONTRACT, outcome("o-2"), FUND, eur("800"), false, "approved in error",
                        LocalDate.parse("2026-04-12"), "payer-carla"))
                .then(new OutcomeBudgetReleased(FUND, BUDGET, CONTRACT, outcome("o-2"), eur("800"), "approved in error"));
        // o-3: executed payment reversed and refunded
        h.reported(CONTRACT, "o-3", "ben-3", EMPLOYMENT, "2026-Q2", "2026-04-05", "2")
                .then(new OutcomeVerified(CONTRACT, outcome("o-3"), new BigDecimal("2"), null, "verifier-anna"))
                .approved(CONTRACT, "o-3", "ben-3", EMPLOYMENT, "2026-Q2", "2026-04-05", "2", "800", List.of("8.5", "10.2"))
                .then(new OutcomeBudgetReserved(FUND, BUDGET, CONTRACT, outcome("o-3"), eur("1600")))
                .then(new OutcomePaymentExecuted(CONTRACT, outcome("o-3"), FUND, eur("1600"), "BNK-OUT-3", LocalDate.parse("2026-05-02"),
                        "treasurer-bruno"))
                .then(new OutcomePaymentReceived(FUND, BUDGET, PAYER, CONTRACT, outcome("o-3"), eur("1600"), "BNK-OUT-3",
                        LocalDate.parse("2026-05-02")))
                .then(new OutcomePaymentReversed(CONTRACT, outcome("o-3"), FUND, eur("1600"), true, "job lost within six months",
                        LocalDate.parse("2026-05-20"), "payer-carla"))
                .then(new OutcomePaymentRefunded(FUND, BUDGET, PAYER, CONTRACT, outcome("o-3"), eur("1600"), "job lost within six months",
                        LocalDate.parse("2026-05-20")));
        // o-4 rejected, o-5 withdrawn
        h.reported(CONTRACT, "o-4", "ben-4", TRAINING, "2026-Q2", "2026-05-03", "5")
                .then(new OutcomeRejected(CONTRACT, outcome("o-4"), "evidence unreadable", "verifier-anna"))
                .reported(CONTRACT, "o-5", "ben-5", TRAINING, "2026-Q2", "2026-05-04", "4")
                .then(new OutcomeWithdrawn(CONTRACT, outcome("o-5"), "reported twice", "provider-dario"));
        // rate card amended, o-6 reported under the new price
        h.then(new RateCardAmended(CONTRACT, "amend-1", LocalDate.parse("2026-07-01"), List.of(
                        new RateCardEntry(EMPLOYMENT, "Six months in employment", eur("900"), List.of("8.5"),
                                PaymentRule.ONCE_PER_BENEFICIARY))))
                .reported(CONTRACT, "o-6", "ben-6", EMPLOYMENT, "2026-Q3", "2026-07-10", "1");
        // a second contract with one approved payment, not yet executed
        h.then(new ContractSigned(SECOND_CONTRACT, FUND, PROVIDER, BUDGET, PAYER, "Formazione", LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-12-31"), eur("50000"), List.of(
                        new RateCardEntry(TRAINING, "Hour of certified training", eur("300"), List.of("4.4"),
                                PaymentRule.ONCE_PER_BENEFICIARY_PER_PERIOD))))
                .reported(SECOND_CONTRACT, "o-1", "ben-9", TRAINING, "2026-Q1", "2026-03-15", "4")
                .then(new OutcomeVerified(SECOND_CONTRACT, outcome("o-1"), new BigDecimal("4"), null, "verifier-elena"))
                .approved(SECOND_CONTRACT, "o-1", "ben-9", TRAINING, "2026-Q1", "2026-03-15", "4", "300", List.of("4.4"))
                .then(new OutcomeBudgetReserved(FUND, BUDGET, SECOND_CONTRACT, outcome("o-1"), eur("1200")));
        // distribution and valuations
        h.then(new DistributionMade(FUND, "dist-1", eur("50000"), LocalDate.parse("2026-06-30"), List.of(
                        new DistributionShare(INVESTOR_A, eur("27000"), eur("3000")),
                        new DistributionShare(INVESTOR_B, eur("18000"), eur("2000")))))
                .then(new ValuationRecorded(FUND, eur("460000"), LocalDate.parse("2026-06-30"), "NAV at cost"))
                .then(new ValuationRecorded(FUND, eur("450000"), LocalDate.parse("2026-03-31"), "NAV at cost, restated"));
        return h;
    }

    public LedgerHistory reported(ContractId contract, String outcomeId, String beneficiary, String metric, String period,
                                  String date, String quantity) {
        return then(new OutcomeReported(contract, FUND, outcome(outcomeId), BeneficiaryId.of(beneficiary), metric, period,
                LocalDate.parse(date), new BigDecimal(quantity), "s3://evidence/" + outcomeId + ".pdf",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "provider-dario"));
    }

    public LedgerHistory approved(ContractId contract, String outcomeId, String beneficiary, String metric, String period,
                                  String date, String quantity, String unitPrice, List<String> sdgTargets) {
        BigDecimal verified = new BigDecimal(quantity);
        Money price = eur(unitPrice);
        return then(new OutcomePaymentApproved(contract, outcome(outcomeId), FUND, BUDGET, PAYER, BeneficiaryId.of(beneficiary),
                metric, period, LocalDate.parse(date), verified, price, price.times(verified), sdgTargets, "payer-carla"));
    }

    /** A contract closed at the end of the history (only some tests want it). */
    public LedgerHistory closed(ContractId contract, String on) {
        return then(new ContractClosed(contract, LocalDate.parse(on), "term ended"));
    }
}

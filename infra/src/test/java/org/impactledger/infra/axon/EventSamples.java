package org.impactledger.infra.axon;

import java.math.BigDecimal;
import org.impactledger.core.privacy.event.DataSubjectRegistered;
import org.impactledger.core.privacy.event.PersonalDataErased;
import org.impactledger.core.privacy.event.PersonalDataRecorded;
import org.impactledger.core.shared.DataSubjectId;
import java.time.LocalDate;
import java.util.List;
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
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.fund.event.RentIncomeReceived;
import org.impactledger.core.fund.event.RentIncomeReversed;
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
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.UnitId;
import org.impactledger.core.nrrp.event.BankEntryMatched;
import org.impactledger.core.nrrp.event.BankEntryRecorded;
import org.impactledger.core.nrrp.event.BankEntryUnmatched;
import org.impactledger.core.nrrp.event.BankStatementImported;
import org.impactledger.core.nrrp.event.NrrpCommitmentEntered;
import org.impactledger.core.nrrp.event.NrrpExpenditureReported;
import org.impactledger.core.nrrp.event.NrrpFundsAllocated;
import org.impactledger.core.nrrp.event.NrrpProjectRegistered;
import org.impactledger.core.nrrp.event.NrrpTargetSet;
import org.impactledger.core.shared.BankStatementId;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.NrrpProjectId;
import org.impactledger.core.shared.NrrpPlanId;
import org.impactledger.core.nrrp.event.NrrpMeasureListed;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;

/** One sample of every stored event type: the shapes the approval test pins. */
final class EventSamples {

    static final FundId FUND = FundId.of("fund-1");
    static final ContractId CONTRACT = ContractId.of("contract-1");
    static final OutcomeId OUTCOME = OutcomeId.of("o-1");
    static final BudgetId BUDGET = BudgetId.of("b-1");
    static final PayerId PAYER = PayerId.of("city-of-turin");
    static final InvestorId INVESTOR = InvestorId.of("inv-1");
    static final ProviderId PROVIDER = ProviderId.of("coop-1");
    static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    static final PropertyId PROPERTY = PropertyId.of("prop-1");
    static final LeaseId LEASE = LeaseId.of("lease-1");
    static final UnitId UNIT = UnitId.of("unit-1");
    static final HouseholdId HOUSEHOLD = HouseholdId.of("hh-7f3a");

    private EventSamples() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static RateCardEntry entry() {
        return new RateCardEntry("HOUSED-6M", "Housed for six months", eur("4500.00"), List.of("11.1", "1.2"), PaymentRule.ONCE_PER_BENEFICIARY);
    }

    static List<Object> all() {
        return java.util.stream.Stream.concat(nrrpLess().stream(), nrrp().stream()).toList();
    }

    private static List<Object> nrrpLess() {
        return List.of(
                new PersonalDataRecorded(DataSubjectId.of("ben-7f3a"), "rec-1", "contact", "key-3c1d", "AAECAwQFBgcICQoL",
                        "3q2+7w8fGhscHR4fICEiIyQlJicoKSorLC0uLzA=", "provider-bruno"),
                new PersonalDataErased(DataSubjectId.of("ben-7f3a"), "GDPR-ART-17", "admin"),
                new DataSubjectRegistered(DataSubjectId.of("ben-7f3a"), ProviderId.of("coop-casa"), "provider-bruno"),
                new FundOpened(FUND, "Torino Outcome Fund", "EUR", "Impact Managers", new BigDecimal("1.30")),
                new CapitalCommitted(FUND, INVESTOR, eur("1000.00"), eur("1500.00"), DAY),
                new CapitalCalled(FUND, "call-1", INVESTOR, eur("500.00"), DAY),
                new CapitalReceived(FUND, "call-1", INVESTOR, eur("500.00"), DAY, "SEPA-1"),
                new WorkingCapitalAdvanced(FUND, "adv-1", PROVIDER, CONTRACT, eur("200.00"), DAY),
                new OutcomeBudgetCommitted(FUND, BUDGET, PAYER, eur("50000.00"), new NrrpTag("C11H22000110001", "M5C2I1.3"), DAY),
                new OutcomeBudgetReserved(FUND, BUDGET, CONTRACT, OUTCOME, eur("4500.00")),
                new OutcomeBudgetReleased(FUND, BUDGET, CONTRACT, OUTCOME, eur("4500.00"), "approved in error"),
                new OutcomePaymentReceived(FUND, BUDGET, PAYER, CONTRACT, OUTCOME, eur("4500.00"), "IT-1", DAY),
                new OutcomePaymentRefunded(FUND, BUDGET, PAYER, CONTRACT, OUTCOME, eur("4500.00"), "paid twice", DAY),
                new DistributionMade(FUND, "dist-1", eur("100.00"), DAY, List.of(new DistributionShare(INVESTOR, eur("100.00"), eur("0.00")))),
                new ValuationRecorded(FUND, eur("999.99"), DAY, "cash plus advances at cost"),
                new ContractSigned(CONTRACT, FUND, PROVIDER, BUDGET, PAYER, "Housing First", DAY, DAY.plusYears(2), eur("30000.00"), List.of(entry())),
                new RateCardAmended(CONTRACT, "amend-1", DAY.plusMonths(6), List.of(entry())),
                new ContractClosed(CONTRACT, DAY.plusYears(2), "programme ended"),
                new OutcomeReported(CONTRACT, FUND, OUTCOME, BeneficiaryId.of("ben-7f3a"), "HOUSED-6M", "2026-Q3", DAY.plusMonths(5), BigDecimal.ONE,
                        "case-file://o-1", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "provider-anna"),
                new OutcomeVerified(CONTRACT, OUTCOME, BigDecimal.ONE, "checked", "verifier-bruno"),
                new OutcomeRejected(CONTRACT, OUTCOME, "evidence missing", "verifier-bruno"),
                new OutcomePaymentApproved(CONTRACT, OUTCOME, FUND, BUDGET, PAYER, BeneficiaryId.of("ben-7f3a"), "HOUSED-6M", "2026-Q3",
                        DAY.plusMonths(5), BigDecimal.ONE, eur("4500.00"), eur("4500.00"), List.of("11.1", "1.2"), "payer-carla"),
                new OutcomePaymentExecuted(CONTRACT, OUTCOME, FUND, eur("4500.00"), "IT-1", DAY.plusMonths(7), "payer-carla"),
                new OutcomePaymentReversed(CONTRACT, OUTCOME, FUND, eur("4500.00"), true, "paid twice", DAY.plusMonths(8), "payer-carla"),
                new OutcomeWithdrawn(CONTRACT, OUTCOME, "reported in error", "provider-anna"),
                new PropertyAcquisitionPaid(FUND, PROPERTY, eur("420000.00"), DAY, new org.impactledger.core.fund.NrrpTag("C17H21000270001", "M5C2I2.3"), "BONIF-1"),
                new RentIncomeReceived(FUND, PROPERTY, LEASE, "coll-1", "2026-04", eur("400.00"), DAY.plusMonths(1), "SEPA-R-1"),
                new RentIncomeReversed(FUND, PROPERTY, LEASE, "coll-1", "2026-04", eur("400.00"), "returned by the bank", DAY.plusMonths(1)),
                // property events in an order the property aggregate can apply (the snapshot test relies on it)
                new PropertyAcquired(PROPERTY, FUND, "Via Cigna 14, Torino", "6", eur("420000.00"), DAY,
                        List.of(new PropertyUnit(UNIT, new BigDecimal("48.50"), 2, eur("620.00")),
                                new PropertyUnit(UnitId.of("unit-2"), new BigDecimal("65"), 3, eur("780.00")))),
                new PropertyValuationRecorded(PROPERTY, FUND, eur("435000.00"), DAY.plusMonths(9), "independent appraisal"),
                new LeaseSigned(PROPERTY, FUND, LEASE, UNIT, HOUSEHOLD, 3, eur("400.00"), eur("620.00"), DAY.plusDays(29)),
                new RentCharged(PROPERTY, LEASE, "2026-04", eur("400.00")),
                new RentCollected(PROPERTY, LEASE, "coll-1", "2026-04", eur("250.00"), DAY.plusMonths(1), "SEPA-R-1", eur("150.00")),
                new RentCollectionReversed(PROPERTY, LEASE, "coll-1", "2026-04", eur("250.00"), "returned by the bank", DAY.plusMonths(1),
                        eur("400.00")),
                new RentChargeCancelled(PROPERTY, LEASE, "2026-04", eur("400.00"), "charged after the household left"),
                new LeaseEnded(PROPERTY, LEASE, UNIT, HOUSEHOLD, DAY.plusMonths(1).plusDays(27), LeaseEndReason.MOVED_TO_AUTONOMOUS_HOUSING,
                        null));
    }

    static final NrrpProjectId NRRP_PROJECT = NrrpProjectId.of("C11H22000110001:HF-TO-01:M5C2I1.03.00");
    static final BankStatementId STATEMENT = BankStatementId.of("STMT-2026-03");
    static final NrrpPlanId PLAN = NrrpPlanId.of("PNRR-2023-12");
    static final String PAYMENT_EVENT = "5b1c1d1e-0000-4000-8000-000000000001";

    /** The NRRP project's and the bank statement's events, in an order that replays. */
    static List<Object> nrrp() {
        String cup = "C11H22000110001";
        String measure = "M5C2I1.03.00";
        return List.of(
                new NrrpProjectRegistered(NRRP_PROJECT, cup, "HF-TO-01", measure, "Housing First Torino", "EUR"),
                new NrrpFundsAllocated(NRRP_PROJECT, cup, measure, "A-1", eur("100000.00"), "DM 2022-05-12 n. 120", DAY),
                new NrrpCommitmentEntered(NRRP_PROJECT, cup, measure, "K-1", "9876543210", "Cooperativa Sociale Esempio", eur("60000.00"), DAY),
                new NrrpExpenditureReported(NRRP_PROJECT, cup, measure, "R-1", "2026-Q1", eur("4500.00"), DAY),
                new NrrpTargetSet(NRRP_PROJECT, cup, measure, "T-1", "People helped by Housing First", new BigDecimal("50"), DAY.plusMonths(3),
                        CONTRACT, List.of("HOUSED-6M")),
                new BankStatementImported(STATEMENT, "IT60X0542811101000000123456", "EUR", "camt.053"),
                new BankEntryRecorded(STATEMENT, "E-1", DAY, DAY, eur("4500.00"), "DBIT", "IT-1", "SAL 1 CUP C11H22000110001 CIG 9876543210",
                        cup, "9876543210"),
                new BankEntryMatched(STATEMENT, "E-1", PAYMENT_EVENT, "paid in one transfer", "officer-franca"),
                new BankEntryUnmatched(STATEMENT, "E-1", PAYMENT_EVENT, "wrong payment", "officer-gino"),
                new NrrpMeasureListed(PLAN, "M5C2I1.3", "M5C2I1.03", "M5", "M5C2", eur("450000000.00")));
    }
}

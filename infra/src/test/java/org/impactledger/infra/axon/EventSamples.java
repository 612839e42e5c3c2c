package org.impactledger.infra.axon;

import java.math.BigDecimal;
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
import org.impactledger.core.shared.BeneficiaryId;
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

    private EventSamples() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static RateCardEntry entry() {
        return new RateCardEntry("HOUSED-6M", "Housed for six months", eur("4500.00"), List.of("11.1", "1.2"), PaymentRule.ONCE_PER_BENEFICIARY);
    }

    static List<Object> all() {
        return List.of(
                new PersonalDataRecorded(DataSubjectId.of("ben-7f3a"), "rec-1", "contact", "key-3c1d", "AAECAwQFBgcICQoL",
                        "3q2+7w8fGhscHR4fICEiIyQlJicoKSorLC0uLzA=", "provider-bruno"),
                new PersonalDataErased(DataSubjectId.of("ben-7f3a"), "GDPR-ART-17", "admin"),
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
                new OutcomeWithdrawn(CONTRACT, OUTCOME, "reported in error", "provider-anna"));
    }
}

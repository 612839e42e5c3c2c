package org.impactledger.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.contract.command.AmendRateCard;
import org.impactledger.core.contract.command.ApproveOutcomePayment;
import org.impactledger.core.contract.command.CloseContract;
import org.impactledger.core.contract.command.ExecuteOutcomePayment;
import org.impactledger.core.contract.command.RejectOutcome;
import org.impactledger.core.contract.command.ReportOutcome;
import org.impactledger.core.contract.command.ReversePayment;
import org.impactledger.core.contract.command.SignContract;
import org.impactledger.core.contract.command.VerifyOutcome;
import org.impactledger.core.contract.command.WithdrawOutcome;
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
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;

/**
 * One housing-first contract of Turin's Outcome Fund, and the outcomes reported under it. Commands
 * and the events they should produce come from the same values, so a test changes only what it is
 * about.
 */
final class ContractTestData {

    static final ContractId CONTRACT = ContractId.of("C-HOUSING-FIRST-1");
    static final FundId FUND = FundId.of("F-TORINO-OUTCOMES");
    static final ProviderId PROVIDER = ProviderId.of("P-COOP-CASA");
    static final BudgetId BUDGET = BudgetId.of("B-CITY-2025");
    static final PayerId PAYER = PayerId.of("city-of-turin");
    static final String EUR = "EUR";
    static final String TITLE = "Housing First — Barriera di Milano";
    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final Money CAP = eur("10000.00");

    /** Six months of stable housing: paid once per beneficiary. */
    static final String HOUSED = "HOUSED_6M";
    static final Money HOUSED_PRICE = eur("1500.00");
    static final List<String> HOUSED_TARGETS = List.of("1.2", "11.1");
    /** A month of job mentoring: paid once per beneficiary per period. */
    static final String MENTORING = "MENTORING_MONTH";
    static final Money MENTORING_PRICE = eur("120.00");
    static final List<String> MENTORING_TARGETS = List.of("4.4", "8.5");
    /** A free cultural activity attended, at a price that is not a round number. */
    static final String CULTURE = "CULTURE_VISIT";
    static final Money CULTURE_PRICE = eur("7.35");
    static final List<String> CULTURE_TARGETS = List.of("11.4");

    static final String REPORTER = "provider.anna";
    static final String VERIFIER = "verifier.bruno";
    static final String APPROVER = "payer.carla";
    static final String TREASURER = "fund.dario";
    static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private ContractTestData() {
    }

    static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    // ---------------------------------------------------------------- rate card and contract

    static RateCardEntry entry(String metricCode, Money unitPrice, PaymentRule rule, List<String> sdgTargets) {
        return new RateCardEntry(metricCode, "outcome " + metricCode, unitPrice, sdgTargets, rule);
    }

    static RateCardEntry housed() {
        return entry(HOUSED, HOUSED_PRICE, PaymentRule.ONCE_PER_BENEFICIARY, HOUSED_TARGETS);
    }

    static RateCardEntry mentoring() {
        return entry(MENTORING, MENTORING_PRICE, PaymentRule.ONCE_PER_BENEFICIARY_PER_PERIOD, MENTORING_TARGETS);
    }

    static RateCardEntry culture() {
        return entry(CULTURE, CULTURE_PRICE, PaymentRule.ONCE_PER_BENEFICIARY_PER_PERIOD, CULTURE_TARGETS);
    }

    static List<RateCardEntry> rateCard() {
        return List.of(housed(), mentoring(), culture());
    }

    static SignContract signContract() {
        return signContract(TITLE, START, END, CAP, rateCard());
    }

    static SignContract signContract(Money cap) {
        return signContract(TITLE, START, END, cap, rateCard());
    }

    static SignContract signContract(List<RateCardEntry> rateCard) {
        return signContract(TITLE, START, END, CAP, rateCard);
    }

    static SignContract signContract(String title, LocalDate start, LocalDate end, Money cap, List<RateCardEntry> rateCard) {
        return new SignContract(CONTRACT, FUND, PROVIDER, BUDGET, title, start, end, cap, rateCard);
    }

    /** The event {@link #signContract(String, LocalDate, LocalDate, Money, List)} produces, with the budget's payer. */
    static ContractSigned signed(SignContract command) {
        return new ContractSigned(command.contractId(), command.fundId(), command.providerId(), command.budgetId(), PAYER, command.title(),
                command.startDate(), command.endDate(), command.cap(), command.rateCard());
    }

    static ContractSigned contractSigned() {
        return signed(signContract());
    }

    static ContractSigned contractSigned(Money cap) {
        return signed(signContract(cap));
    }

    static AmendRateCard amendRateCard(String amendmentId, LocalDate effectiveFrom, RateCardEntry... entries) {
        return new AmendRateCard(CONTRACT, amendmentId, effectiveFrom, List.of(entries));
    }

    static RateCardAmended rateCardAmended(String amendmentId, LocalDate effectiveFrom, RateCardEntry... entries) {
        return new RateCardAmended(CONTRACT, amendmentId, effectiveFrom, List.of(entries));
    }

    static CloseContract closeContract(LocalDate closedOn) {
        return new CloseContract(CONTRACT, closedOn, "term ended");
    }

    static ContractClosed contractClosed(LocalDate closedOn) {
        return new ContractClosed(CONTRACT, closedOn, "term ended");
    }

    // ---------------------------------------------------------------- outcomes

    /** An outcome with sensible defaults: one beneficiary housed for six months, reported in Q2 2025. */
    static OutcomeSpec outcome(String outcomeId) {
        return new OutcomeSpec(outcomeId);
    }

    /** Builds the commands and events of one outcome's life from one set of values. */
    static final class OutcomeSpec {
        private final String outcomeId;
        private String beneficiary = "BEN-0001";
        private String metric = HOUSED;
        private String period = "2025-Q2";
        private LocalDate outcomeDate = date("2025-05-15");
        private boolean periodGiven;
        private BigDecimal quantity = BigDecimal.ONE;
        private String evidenceReference = "evidence/tenancy-BEN-0001.pdf";
        private String sha256 = SHA256;
        private String reportedBy = REPORTER;

        private OutcomeSpec(String outcomeId) {
            this.outcomeId = outcomeId;
        }

        OutcomeSpec beneficiary(String value) {
            beneficiary = value;
            return this;
        }

        OutcomeSpec metric(String value) {
            metric = value;
            return this;
        }

        OutcomeSpec period(String value) {
            period = value;
            periodGiven = true;
            return this;
        }

        /** The outcome date; the period follows it (its quarter) unless one was given. */
        OutcomeSpec on(String isoDate) {
            outcomeDate = isoDate == null ? null : date(isoDate);
            if (!periodGiven && outcomeDate != null) {
                period = outcomeDate.getYear() + "-Q" + ((outcomeDate.getMonthValue() - 1) / 3 + 1);
            }
            return this;
        }

        OutcomeSpec quantity(String value) {
            quantity = value == null ? null : new BigDecimal(value);
            return this;
        }

        OutcomeSpec evidence(String reference, String sha) {
            evidenceReference = reference;
            sha256 = sha;
            return this;
        }

        OutcomeSpec reportedBy(String value) {
            reportedBy = value;
            return this;
        }

        OutcomeId id() {
            return OutcomeId.of(outcomeId);
        }

        BigDecimal quantity() {
            return quantity;
        }

        ReportOutcome report() {
            return new ReportOutcome(CONTRACT, id(), BeneficiaryId.of(beneficiary), metric, period, outcomeDate, quantity, evidenceReference,
                    sha256, reportedBy);
        }

        OutcomeReported reported() {
            return new OutcomeReported(CONTRACT, FUND, id(), BeneficiaryId.of(beneficiary), metric, period, outcomeDate, quantity,
                    evidenceReference, sha256.toLowerCase(), reportedBy);
        }

        VerifyOutcome verify() {
            return verify(quantity.toPlainString(), VERIFIER);
        }

        VerifyOutcome verify(String verifiedQuantity, String verifiedBy) {
            return new VerifyOutcome(CONTRACT, id(), verifiedQuantity == null ? null : new BigDecimal(verifiedQuantity), "checked tenancy contract", verifiedBy);
        }

        OutcomeVerified verified() {
            return verified(quantity.toPlainString());
        }

        OutcomeVerified verified(String verifiedQuantity) {
            return new OutcomeVerified(CONTRACT, id(), new BigDecimal(verifiedQuantity), "checked tenancy contract", VERIFIER);
        }

        RejectOutcome reject(String reason, String rejectedBy) {
            return new RejectOutcome(CONTRACT, id(), reason, rejectedBy);
        }

        OutcomeRejected rejected() {
            return new OutcomeRejected(CONTRACT, id(), "lease not registered", VERIFIER);
        }

        ApproveOutcomePayment approve() {
            return approve(APPROVER);
        }

        ApproveOutcomePayment approve(String approvedBy) {
            return new ApproveOutcomePayment(CONTRACT, id(), approvedBy);
        }

        /** Approval of the full quantity at the price the signed rate card gives the metric. */
        OutcomePaymentApproved approved() {
            RateCardEntry entry = rateCard().stream().filter(e -> e.metricCode().equals(metric)).findFirst().orElseThrow();
            return approved(quantity.toPlainString(), entry.unitPrice(), entry.sdgTargets());
        }

        OutcomePaymentApproved approved(String verifiedQuantity, Money unitPrice, List<String> sdgTargets) {
            BigDecimal verified = new BigDecimal(verifiedQuantity);
            return new OutcomePaymentApproved(CONTRACT, id(), FUND, BUDGET, PAYER, BeneficiaryId.of(beneficiary), metric, period, outcomeDate,
                    verified, unitPrice, unitPrice.times(verified), sdgTargets, APPROVER);
        }

        ExecuteOutcomePayment execute(String bankReference, LocalDate valueDate) {
            return new ExecuteOutcomePayment(CONTRACT, id(), bankReference, valueDate, TREASURER);
        }

        OutcomePaymentExecuted executed(Money amount, String bankReference, LocalDate valueDate) {
            return new OutcomePaymentExecuted(CONTRACT, id(), FUND, amount, bankReference, valueDate, TREASURER);
        }

        ReversePayment reverse(String reason, LocalDate valueDate) {
            return new ReversePayment(CONTRACT, id(), reason, valueDate, APPROVER);
        }

        OutcomePaymentReversed reversed(Money amount, boolean wasExecuted, String reason, LocalDate valueDate) {
            return new OutcomePaymentReversed(CONTRACT, id(), FUND, amount, wasExecuted, reason, valueDate, APPROVER);
        }

        WithdrawOutcome withdraw(String reason) {
            return new WithdrawOutcome(CONTRACT, id(), reason, REPORTER);
        }

        OutcomeWithdrawn withdrawn(String reason) {
            return new OutcomeWithdrawn(CONTRACT, id(), reason, REPORTER);
        }
    }
}

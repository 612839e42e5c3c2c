package org.impactledger.core.contract;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.impactledger.core.contract.command.AmendRateCard;
import org.impactledger.core.contract.command.ApproveOutcomePayment;
import org.impactledger.core.contract.command.CloseContract;
import org.impactledger.core.contract.command.ExecuteOutcomePayment;
import org.impactledger.core.contract.command.RejectOutcome;
import org.impactledger.core.contract.command.OutcomeReport;
import org.impactledger.core.contract.command.ReportOutcome;
import org.impactledger.core.contract.command.ReportOutcomes;
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
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;

/**
 * A social outcomes contract between a fund and a provider, together with the outcomes reported
 * under it.
 *
 * <p>The outcomes live inside the contract because the rules that protect the money need all of
 * them at once: the cap (sum of approved and paid amounts), one payment per beneficiary claim, and
 * pricing by the rate card in force at each outcome's date. One aggregate makes these checks
 * consistent without a lookup table or a saga.
 *
 * <p>Commands that only concern the contract are handled here. Signing, and approving, executing or
 * reversing a payment also touch the payer budget in the fund: {@link OutcomePaymentHandler} loads
 * both aggregates and calls the constructor and the public methods below, which keep every rule of
 * the contract side.
 *
 * <p>A closed contract refuses every command with {@code CONTRACT_CLOSED}, with two exceptions:
 * executing a payment that was approved before the close, and reversing a payment. Money already
 * committed must still be settled or corrected after the contract stops taking outcomes.
 *
 * <p>The aggregate is snapshotted by field: its state is kept in plain values (ids, dates, money,
 * records, a map keyed by outcome id) and changed only by the event sourcing handlers.
 */
public class Contract {

    private static final Pattern METRIC_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,39}");
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int QUANTITY_DECIMALS = 2;
    private static final int SHARED_VALUES_MAX = 4096;

    @AggregateIdentifier
    private ContractId contractId;
    private FundId fundId;
    private ProviderId providerId;
    private BudgetId budgetId;
    private PayerId payerId;
    private String title;
    private LocalDate startDate;
    private LocalDate endDate;
    private Money cap;
    private List<RateCardVersion> rateCardVersions;
    private Map<String, OutcomeState> outcomes;
    private boolean closed;
    private LocalDate closedOn;
    /** Derived from {@link #outcomes}; see {@link #claimsHeld()}. */
    private transient Map<String, List<String>> claimsHeld;
    /** Derived from {@link #outcomes}; see {@link #approvedTotal()}. */
    private transient Money heldTotal;
    /** Values repeated across outcomes (metric codes, periods, principals, dates, quantities), one instance each; see {@link #shared}. */
    private transient Map<Object, Object> sharedValues;

    /** For Axon and the snapshot serializer. */
    protected Contract() {
    }

    /**
     * Signs the contract. Not a command handler: {@link OutcomePaymentHandler} first checks that
     * the fund and the payer budget exist and passes their currency and payer.
     *
     * @param fundCurrency the fund's currency; cap and every unit price must be in it
     * @param payerId      the payer who committed the budget named by the command
     */
    public Contract(SignContract command, String fundCurrency, PayerId payerId) {
        Objects.requireNonNull(fundCurrency, "fundCurrency");
        Objects.requireNonNull(payerId, "payerId");
        required(command.contractId(), "contractId");
        required(command.fundId(), "fundId");
        required(command.providerId(), "providerId");
        required(command.budgetId(), "budgetId");
        requireText(command.title(), "title");
        required(command.startDate(), "startDate");
        required(command.endDate(), "endDate");
        if (!command.startDate().isBefore(command.endDate())) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "endDate",
                    "endDate " + command.endDate() + " must be after startDate " + command.startDate());
        }
        required(command.cap(), "cap");
        command.cap().requireCurrency(fundCurrency, "cap").requirePositive("cap");
        validateEntries(command.rateCard(), "rateCard", fundCurrency);

        apply(new ContractSigned(command.contractId(), command.fundId(), command.providerId(), command.budgetId(), payerId,
                command.title(), command.startDate(), command.endDate(), command.cap(), command.rateCard()));
    }

    // ---------------------------------------------------------------- contract

    @CommandHandler
    public void handle(AmendRateCard command) {
        requireOpen();
        requireText(command.amendmentId(), "amendmentId");
        if (rateCardVersions.stream().anyMatch(v -> command.amendmentId().equals(v.amendmentId()))) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "amendmentId",
                    "amendment " + command.amendmentId() + " was already applied to contract " + contractId);
        }
        required(command.effectiveFrom(), "effectiveFrom");
        requireWithinTerm(command.effectiveFrom(), "effectiveFrom");
        validateEntries(command.entries(), "entries", cap.currency());

        apply(new RateCardAmended(contractId, command.amendmentId(), command.effectiveFrom(), command.entries()));
    }

    @CommandHandler
    public void handle(CloseContract command) {
        if (closed) {
            throw new DomainException(ErrorCode.CONTRACT_CLOSED, "contractId", "contract " + contractId + " was already closed on " + closedOn);
        }
        required(command.closedOn(), "closedOn");
        if (command.closedOn().isBefore(startDate)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "closedOn",
                    "closedOn " + command.closedOn() + " is before the contract start date " + startDate);
        }

        apply(new ContractClosed(contractId, command.closedOn(), command.reason()));
    }

    // ---------------------------------------------------------------- outcomes

    /**
     * Ownership, checked here rather than against a read model so that it holds the moment the
     * contract is signed: a provider acts only on contracts signed with it. {@code null} means the
     * acting principal is not acting as a provider (an administrator).
     */
    private void requireOwnProvider(ProviderId acting, String what) {
        if (acting != null && !acting.equals(providerId)) {
            throw new DomainException(ErrorCode.NOT_OWNER, "providerId",
                    "provider " + acting + " may not " + what + " on contract " + contractId + ", which is signed with another provider");
        }
    }

    /** Ownership: an outcome payer acts only on contracts paid from its own budget. */
    private void requireOwnPayer(PayerId acting, String what) {
        if (acting != null && !acting.equals(payerId)) {
            throw new DomainException(ErrorCode.NOT_OWNER, "payerId",
                    "payer " + acting + " may not " + what + " on contract " + contractId + ", which is paid by another payer");
        }
    }

    @CommandHandler
    public void handle(ReportOutcome command, ContractLimits limits) {
        requireOpen();
        requireOwnProvider(command.actingProvider(), "report outcomes");
        OutcomeReported event = reported(command.report(), command.reportedBy());
        requireRoom(limits);
        apply(event);
    }

    /**
     * A batch of a bulk import: each report passes the rules of {@link #reported} and is recorded, or
     * is refused on its own and listed in the result; one bad row does not refuse the batch. A report
     * whose outcome id was already recorded with the same values is counted as already reported and
     * records nothing, so a file imported twice has one effect. Open contract and ownership are
     * checked once and refuse the whole batch.
     */
    @CommandHandler
    public ReportOutcomesResult handle(ReportOutcomes command, ContractLimits limits) {
        requireOpen();
        requireOwnProvider(command.actingProvider(), "report outcomes");
        int accepted = 0;
        int alreadyReported = 0;
        List<ReportOutcomesResult.Refused> refused = new ArrayList<>();
        List<OutcomeReport> reports = command.reports();
        for (int i = 0; i < reports.size(); i++) {
            OutcomeReport report = reports.get(i);
            try {
                if (report != null && report.outcomeId() != null && sameReport(outcomes.get(report.outcomeId().value()), report)) {
                    alreadyReported++;
                    continue;
                }
                OutcomeReported event = reported(report, command.reportedBy());
                requireRoom(limits);
                apply(event);
                accepted++;
            } catch (DomainException e) {
                refused.add(new ReportOutcomesResult.Refused(i, e.code(), e.field(), e.getMessage()));
            }
        }
        return new ReportOutcomesResult(accepted, alreadyReported, refused);
    }

    /** The rules of one outcome report, for a single report and for each row of a batch alike. */
    private OutcomeReported reported(OutcomeReport report, String reportedBy) {
        required(report, "report");
        required(report.outcomeId(), "outcomeId");
        if (outcomes.containsKey(report.outcomeId().value())) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "outcomeId",
                    "outcome " + report.outcomeId() + " was already reported under contract " + contractId);
        }
        required(report.beneficiaryId(), "beneficiaryId");
        required(report.outcomeDate(), "outcomeDate");
        requireWithinTerm(report.outcomeDate(), "outcomeDate");
        requireText(report.metricCode(), "metricCode");
        RateCardEntry entry = pricedEntry(report.metricCode(), report.outcomeDate());
        requireQuantity(report.quantity(), "quantity");
        requireWholeCents(entry.unitPrice(), report.quantity(), "quantity");
        requireText(report.period(), "period");
        if (!PERIOD.matcher(report.period()).matches()) {
            throw DomainException.invalid("period", "period '" + report.period() + "' must be a year (2025), a month (2025-03) or a quarter (2025-Q1)");
        }
        if (!PeriodRange.of(report.period()).contains(report.outcomeDate())) {
            // otherwise "once per beneficiary per period" could be evaded by naming any other period
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "period",
                    "outcomeDate " + report.outcomeDate() + " is not in period " + report.period() + "; an outcome is reported for the period it was achieved in");
        }
        requireText(report.evidenceReference(), "evidenceReference");
        requireText(report.evidenceSha256(), "evidenceSha256");
        String sha256 = report.evidenceSha256().strip().toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw DomainException.invalid("evidenceSha256",
                    "evidenceSha256 must be 64 hexadecimal characters (a SHA-256 digest), was " + report.evidenceSha256().length() + " characters");
        }
        requireText(reportedBy, "reportedBy");
        Optional<OutcomeState> paid = paidClaim(report.beneficiaryId().value(), report.metricCode(), report.period(), entry.rule(), null);
        if (paid.isPresent()) {
            throw new DomainException(ErrorCode.DUPLICATE_PAYMENT, "beneficiaryId", duplicateMessage(paid.get(), entry.rule()));
        }
        return new OutcomeReported(contractId, fundId, report.outcomeId(), report.beneficiaryId(), report.metricCode(), report.period(),
                report.outcomeDate(), report.quantity(), report.evidenceReference(), sha256, reportedBy);
    }

    /** The contract's capacity: a new outcome beyond {@link ContractLimits#maxOutcomes()} is refused. */
    private void requireRoom(ContractLimits limits) {
        if (outcomes.size() >= limits.maxOutcomes()) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "contractId", "contract " + contractId + " already records " + outcomes.size()
                    + " outcomes, the most one contract may hold (ledger.contracts.max-outcomes); report further outcomes under another contract");
        }
    }

    /** Whether {@code existing} is this very report recorded before (same beneficiary, metric, period, date and quantity). */
    private static boolean sameReport(OutcomeState existing, OutcomeReport report) {
        return existing != null && existing.beneficiaryId().equals(report.beneficiaryId()) && existing.metricCode().equals(report.metricCode())
                && existing.period().equals(report.period()) && existing.outcomeDate().equals(report.outcomeDate())
                && report.quantity() != null && existing.quantity().compareTo(report.quantity()) == 0;
    }

    @CommandHandler
    public void handle(VerifyOutcome command) {
        requireOpen();
        OutcomeState outcome = outcome(command.outcomeId());
        requireStatus(outcome, "verified", OutcomeStatus.REPORTED);
        requireText(command.verifiedBy(), "verifiedBy");
        if (samePrincipal(command.verifiedBy(), outcome.reportedBy())) {
            throw new DomainException(ErrorCode.FOUR_EYES_VIOLATION, "verifiedBy",
                    command.verifiedBy() + " reported outcome " + outcome.outcomeId() + " and cannot also verify it");
        }
        requireQuantity(command.verifiedQuantity(), "verifiedQuantity");
        if (command.verifiedQuantity().compareTo(outcome.quantity()) > 0) {
            throw DomainException.invalid("verifiedQuantity", "verifiedQuantity " + command.verifiedQuantity().toPlainString()
                    + " exceeds the reported quantity " + outcome.quantity().toPlainString());
        }
        requireWholeCents(entryInForce(outcome).unitPrice(), command.verifiedQuantity(), "verifiedQuantity");

        apply(new OutcomeVerified(contractId, outcome.outcomeId(), command.verifiedQuantity(), command.note(), command.verifiedBy()));
    }

    @CommandHandler
    public void handle(RejectOutcome command) {
        requireOpen();
        OutcomeState outcome = outcome(command.outcomeId());
        requireStatus(outcome, "rejected", OutcomeStatus.REPORTED);
        requireText(command.rejectedBy(), "rejectedBy");
        if (samePrincipal(command.rejectedBy(), outcome.reportedBy())) {
            throw new DomainException(ErrorCode.FOUR_EYES_VIOLATION, "rejectedBy",
                    command.rejectedBy() + " reported outcome " + outcome.outcomeId() + " and cannot also reject it");
        }
        requireText(command.reason(), "reason");

        apply(new OutcomeRejected(contractId, outcome.outcomeId(), command.reason(), command.rejectedBy()));
    }

    /** A correction before any money is committed: an approved or paid outcome must have its payment reversed first. */
    @CommandHandler
    public void handle(WithdrawOutcome command) {
        requireOpen();
        requireOwnProvider(command.actingProvider(), "withdraw outcomes");
        OutcomeState outcome = outcome(command.outcomeId());
        if (outcome.status().holdsPayment()) {
            throw new DomainException(ErrorCode.INVALID_STATE, "outcomeId", "outcome " + outcome.outcomeId() + " is " + outcome.status()
                    + "; reverse the payment first, then withdraw the outcome");
        }
        requireStatus(outcome, "withdrawn", OutcomeStatus.REPORTED, OutcomeStatus.VERIFIED, OutcomeStatus.REJECTED);
        requireText(command.reason(), "reason");
        requireText(command.withdrawnBy(), "withdrawnBy");

        apply(new OutcomeWithdrawn(contractId, outcome.outcomeId(), command.reason(), command.withdrawnBy()));
    }

    // ---------------------------------------------------------------- payments (called by OutcomePaymentHandler)

    /**
     * Approves payment of a verified outcome: verified quantity × the unit price in force at the
     * outcome date. Checks the contract's rules first, then reserves the amount on the payer budget
     * (which may refuse), and only then records the approval.
     *
     * @return the approved amount
     */
    public Money approvePayment(ApproveOutcomePayment command, PayerBudget budget) {
        requireOpen();
        requireOwnPayer(command.actingPayer(), "approve payments");
        OutcomeState outcome = outcome(command.outcomeId());
        requireStatus(outcome, "approved for payment", OutcomeStatus.VERIFIED);
        requireText(command.approvedBy(), "approvedBy");
        if (samePrincipal(command.approvedBy(), outcome.reportedBy())) {
            throw new DomainException(ErrorCode.FOUR_EYES_VIOLATION, "approvedBy",
                    command.approvedBy() + " reported outcome " + outcome.outcomeId() + " and cannot approve its payment");
        }
        if (samePrincipal(command.approvedBy(), outcome.verifiedBy())) {
            throw new DomainException(ErrorCode.FOUR_EYES_VIOLATION, "approvedBy",
                    command.approvedBy() + " verified outcome " + outcome.outcomeId() + " and cannot approve its payment");
        }
        RateCardEntry entry = entryInForce(outcome);
        Optional<OutcomeState> paid = paidClaim(outcome.beneficiaryId().value(), outcome.metricCode(), outcome.period(), entry.rule(),
                outcome.outcomeId().value());
        if (paid.isPresent()) {
            throw new DomainException(ErrorCode.DUPLICATE_PAYMENT, "outcomeId", duplicateMessage(paid.get(), entry.rule()));
        }
        Money amount = amountFor(entry.unitPrice(), outcome.verifiedQuantity());
        Money approvedSoFar = approvedTotal();
        Money approvedAfter = approvedSoFar.plus(amount);
        if (approvedAfter.greaterThan(cap)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "cap", "approving " + amount + " for outcome " + outcome.outcomeId()
                    + " would bring approved payments to " + approvedAfter + ", above the contract cap of " + cap
                    + " (approved so far " + approvedSoFar + ", remaining " + cap.minus(approvedSoFar) + ")");
        }

        budget.reserveOutcomeBudget(budgetId, contractId, outcome.outcomeId(), amount);
        apply(new OutcomePaymentApproved(contractId, outcome.outcomeId(), fundId, budgetId, payerId, outcome.beneficiaryId(),
                outcome.metricCode(), outcome.period(), outcome.outcomeDate(), outcome.verifiedQuantity(), entry.unitPrice(), amount,
                entry.sdgTargets(), command.approvedBy()));
        return amount;
    }

    /**
     * Records the bank transfer of an approved payment, then tells the payer budget that the money
     * arrived. Allowed after the contract is closed: the payment was committed before.
     *
     * @return the event recorded (it carries the amount)
     */
    public OutcomePaymentExecuted executePayment(ExecuteOutcomePayment command, PayerBudget budget) {
        requireOwnPayer(command.actingPayer(), "execute payments");
        OutcomeState outcome = outcome(command.outcomeId());
        requireStatus(outcome, "paid", OutcomeStatus.APPROVED);
        requireText(command.bankReference(), "bankReference");
        required(command.valueDate(), "valueDate");
        if (command.valueDate().isBefore(outcome.outcomeDate())) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "valueDate",
                    "valueDate " + command.valueDate() + " is before the outcome date " + outcome.outcomeDate() + " of the outcome it pays for");
        }
        requireText(command.executedBy(), "executedBy");

        OutcomePaymentExecuted executed = new OutcomePaymentExecuted(contractId, outcome.outcomeId(), fundId, outcome.approvedAmount(),
                command.bankReference(), command.valueDate(), command.executedBy());
        apply(executed);
        budget.receiveOutcomePayment(budgetId, contractId, outcome.outcomeId(), outcome.approvedAmount(), command.bankReference(),
                command.valueDate());
        return executed;
    }

    /**
     * Reverses an approved or executed payment: the outcome is verified again, and its amount no
     * longer counts against the cap nor holds the beneficiary claim. The payer budget releases the
     * reservation (approved) or refunds the payer (executed). Allowed after the contract is closed:
     * a wrong payment must remain correctable.
     *
     * @return the event recorded ({@code wasExecuted} says whether money had moved)
     */
    public OutcomePaymentReversed reversePayment(ReversePayment command, PayerBudget budget) {
        requireOwnPayer(command.actingPayer(), "reverse payments");
        OutcomeState outcome = outcome(command.outcomeId());
        requireStatus(outcome, "reversed", OutcomeStatus.APPROVED, OutcomeStatus.PAID);
        requireText(command.reason(), "reason");
        required(command.valueDate(), "valueDate");
        boolean wasExecuted = outcome.status() == OutcomeStatus.PAID;
        if (wasExecuted && command.valueDate().isBefore(outcome.paidOn())) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, "valueDate",
                    "valueDate " + command.valueDate() + " is before the payment's value date " + outcome.paidOn());
        }
        requireText(command.reversedBy(), "reversedBy");

        OutcomePaymentReversed reversed = new OutcomePaymentReversed(contractId, outcome.outcomeId(), fundId, outcome.approvedAmount(),
                wasExecuted, command.reason(), command.valueDate(), command.reversedBy());
        apply(reversed);
        if (wasExecuted) {
            budget.refundOutcomePayment(budgetId, contractId, outcome.outcomeId(), outcome.approvedAmount(), command.reason(),
                    command.valueDate());
        } else {
            budget.releaseOutcomeBudget(budgetId, contractId, outcome.outcomeId(), outcome.approvedAmount(), command.reason());
        }
        return reversed;
    }

    // ---------------------------------------------------------------- queries on the state

    /**
     * What the outcome is worth: for a verified outcome, verified quantity × the unit price in
     * force at its outcome date; for an approved or paid one, the amount approved.
     */
    public Money priceOutcome(OutcomeId outcomeId) {
        OutcomeState outcome = outcome(outcomeId);
        if (outcome.status().holdsPayment()) {
            return outcome.approvedAmount();
        }
        requireStatus(outcome, "priced", OutcomeStatus.VERIFIED);
        return amountFor(entryInForce(outcome).unitPrice(), outcome.verifiedQuantity());
    }

    /**
     * Sum of the approved and paid amounts: what counts against the cap. Derived from
     * {@link #outcomes} and, like {@link #claimsHeld()}, not part of the snapshot: summed on first
     * use, then kept by {@link #replace}. Summing every outcome at each approval made approving the
     * outcomes of a large contract quadratic (bench/RESULTS.md, thirteenth session).
     */
    public Money approvedTotal() {
        if (heldTotal == null) {
            heldTotal = outcomes.values().stream()
                    .filter(o -> o.status().holdsPayment())
                    .map(OutcomeState::approvedAmount)
                    .reduce(Money.zero(cap.currency()), Money::plus);
        }
        return heldTotal;
    }

    /** The rate card entry that prices {@code metricCode} at {@code date}, if the metric is priced then. */
    public Optional<RateCardEntry> rateCardEntry(String metricCode, LocalDate date) {
        RateCardEntry found = null;
        LocalDate foundFrom = null;
        for (RateCardVersion version : rateCardVersions) {
            if (version.effectiveFrom().isAfter(date)) {
                continue;
            }
            for (RateCardEntry entry : version.entries()) {
                // the latest effective date wins; on the same date the later amendment wins
                if (entry.metricCode().equals(metricCode) && (foundFrom == null || !version.effectiveFrom().isBefore(foundFrom))) {
                    found = entry;
                    foundFrom = version.effectiveFrom();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<OutcomeState> findOutcome(OutcomeId outcomeId) {
        return Optional.ofNullable(outcomes.get(outcomeId.value()));
    }

    /**
     * Refuses working capital advanced under this contract by another fund than its own (NOT_FOUND
     * {@code contractId}: that fund has no such contract), to another provider than the one it is
     * signed with (INVALID_VALUE {@code providerId}), or once it is closed (CONTRACT_CLOSED). The fund
     * checks its own rules (cash, a new advance id) after this.
     */
    public void checkWorkingCapitalAdvance(FundId advancingFund, ProviderId provider) {
        if (!fundId.equals(advancingFund)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "contractId", "fund " + advancingFund + " has no contract " + contractId);
        }
        if (provider == null) {
            throw DomainException.invalid("providerId", "providerId is required");
        }
        if (!providerId.equals(provider)) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "providerId",
                    "contract " + contractId + " is signed with provider " + providerId + ", not " + provider);
        }
        if (closed) {
            throw new DomainException(ErrorCode.CONTRACT_CLOSED, "contractId",
                    "contract " + contractId + " was closed on " + closedOn + "; no working capital can be advanced under it");
        }
    }

    public ContractId contractId() {
        return contractId;
    }

    public FundId fundId() {
        return fundId;
    }

    public ProviderId providerId() {
        return providerId;
    }

    public BudgetId budgetId() {
        return budgetId;
    }

    public PayerId payerId() {
        return payerId;
    }

    public Money cap() {
        return cap;
    }

    public boolean closed() {
        return closed;
    }

    // ---------------------------------------------------------------- event sourcing handlers

    @EventSourcingHandler
    void on(ContractSigned event) {
        contractId = event.contractId();
        fundId = event.fundId();
        providerId = event.providerId();
        budgetId = event.budgetId();
        payerId = event.payerId();
        title = event.title();
        startDate = event.startDate();
        endDate = event.endDate();
        cap = event.cap();
        rateCardVersions = new ArrayList<>();
        rateCardVersions.add(new RateCardVersion(null, event.startDate(), event.rateCard()));
        outcomes = new LinkedHashMap<>();
        heldTotal = null;
        closed = false;
        closedOn = null;
    }

    @EventSourcingHandler
    void on(RateCardAmended event) {
        rateCardVersions.add(new RateCardVersion(event.amendmentId(), event.effectiveFrom(), event.entries()));
    }

    @EventSourcingHandler
    void on(ContractClosed event) {
        closed = true;
        closedOn = event.closedOn();
    }

    @EventSourcingHandler
    void on(OutcomeReported event) {
        replace(event.outcomeId(), new OutcomeState(event.outcomeId(), event.beneficiaryId(), shared(event.metricCode()),
                shared(event.period()), shared(event.outcomeDate()), shared(event.quantity()), shared(event.reportedBy()),
                OutcomeStatus.REPORTED, null, null, null, null, null, null));
    }

    @EventSourcingHandler
    void on(OutcomeVerified event) {
        replace(event.outcomeId(), outcomes.get(event.outcomeId().value()).verified(shared(event.verifiedQuantity()), shared(event.verifiedBy())));
    }

    @EventSourcingHandler
    void on(OutcomeRejected event) {
        replace(event.outcomeId(), outcomes.get(event.outcomeId().value()).rejected(shared(event.rejectedBy())));
    }

    @EventSourcingHandler
    void on(OutcomePaymentApproved event) {
        OutcomeState approved = outcomes.get(event.outcomeId().value()).approved(shared(event.approvedBy()), event.amount());
        replace(event.outcomeId(), approved);
        if (claimsHeld != null) {
            holdClaim(approved);
        }
    }

    @EventSourcingHandler
    void on(OutcomePaymentExecuted event) {
        replace(event.outcomeId(), outcomes.get(event.outcomeId().value()).paid(shared(event.valueDate())));
    }

    @EventSourcingHandler
    void on(OutcomePaymentReversed event) {
        OutcomeState reversed = outcomes.get(event.outcomeId().value()).reversed();
        replace(event.outcomeId(), reversed);
        if (claimsHeld != null) {
            releaseClaim(reversed);
        }
    }

    @EventSourcingHandler
    void on(OutcomeWithdrawn event) {
        replace(event.outcomeId(), outcomes.get(event.outcomeId().value()).withdrawn());
    }

    /**
     * One instance of each equal value: a contract of 100,000 outcomes otherwise keeps 100,000 copies
     * of its few metric codes, periods and reporters (a third of its memory). Values are only shared
     * while there are few distinct ones; past {@link #SHARED_VALUES_MAX} the value itself is kept.
     */
    private <T> T shared(T value) {
        if (value == null) {
            return null;
        }
        if (sharedValues == null) {
            sharedValues = new HashMap<>();
        }
        @SuppressWarnings("unchecked")
        T known = (T) sharedValues.get(value);
        if (known != null) {
            return known;
        }
        if (sharedValues.size() < SHARED_VALUES_MAX) {
            sharedValues.put(value, value);
        }
        return value;
    }

    /** The only way an outcome's state changes, so that {@link #heldTotal} follows it once it is summed. */
    private void replace(OutcomeId outcomeId, OutcomeState state) {
        OutcomeState before = outcomes.put(outcomeId.value(), state);
        if (heldTotal != null) {
            if (before != null && before.status().holdsPayment()) {
                heldTotal = heldTotal.minus(before.approvedAmount());
            }
            if (state.status().holdsPayment()) {
                heldTotal = heldTotal.plus(state.approvedAmount());
            }
        }
    }

    // ---------------------------------------------------------------- guards

    private void requireOpen() {
        if (closed) {
            throw new DomainException(ErrorCode.CONTRACT_CLOSED, "contractId",
                    "contract " + contractId + " was closed on " + closedOn + " and accepts no more changes");
        }
    }

    private OutcomeState outcome(OutcomeId outcomeId) {
        required(outcomeId, "outcomeId");
        OutcomeState outcome = outcomes.get(outcomeId.value());
        if (outcome == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "outcomeId", "no outcome " + outcomeId + " under contract " + contractId);
        }
        return outcome;
    }

    private static void requireStatus(OutcomeState outcome, String becoming, OutcomeStatus... allowed) {
        if (!Arrays.asList(allowed).contains(outcome.status())) {
            throw new DomainException(ErrorCode.INVALID_STATE, "outcomeId", "outcome " + outcome.outcomeId() + " is " + outcome.status()
                    + "; only an outcome that is "
                    + String.join(" or ", Arrays.stream(allowed).map(Enum::name).toList()) + " can be " + becoming);
        }
    }

    private void requireWithinTerm(LocalDate date, String field) {
        if (date.isBefore(startDate) || date.isAfter(endDate)) {
            throw new DomainException(ErrorCode.DATE_OUT_OF_RANGE, field,
                    field + " " + date + " is outside the contract term " + startDate + " to " + endDate);
        }
    }

    /** The entry that prices the metric at the date, refusing a metric that is not (yet) on the rate card. */
    private RateCardEntry pricedEntry(String metricCode, LocalDate date) {
        return rateCardEntry(metricCode, date).orElseThrow(() -> {
            Optional<LocalDate> pricedFrom = rateCardVersions.stream()
                    .filter(v -> v.entries().stream().anyMatch(e -> e.metricCode().equals(metricCode)))
                    .map(RateCardVersion::effectiveFrom)
                    .min(LocalDate::compareTo);
            String why = pricedFrom
                    .map(from -> "metric " + metricCode + " is priced only from " + from + ", after the outcome date " + date)
                    .orElse("metric " + metricCode + " is not on the rate card of contract " + contractId);
            return new DomainException(ErrorCode.UNKNOWN_CODE, "metricCode", why);
        });
    }

    /** A reported outcome's metric was priced at its date, and amendments only add prices. */
    private RateCardEntry entryInForce(OutcomeState outcome) {
        return rateCardEntry(outcome.metricCode(), outcome.outcomeDate()).orElseThrow(() -> new IllegalStateException(
                "outcome " + outcome.outcomeId() + " has no price for " + outcome.metricCode() + " at " + outcome.outcomeDate()));
    }

    /**
     * An approved or paid outcome (other than {@code exceptOutcomeId}) that already holds the claim.
     * The rule of the outcome being checked decides: once per beneficiary matches any payment for the
     * same beneficiary and metric; once per period only one in the same period.
     */
    private Optional<OutcomeState> paidClaim(String beneficiaryId, String metricCode, String period, PaymentRule rule, String exceptOutcomeId) {
        List<String> holding = claimsHeld().get(claimKey(beneficiaryId, metricCode));
        if (holding == null) {
            return Optional.empty();
        }
        return holding.stream()
                .filter(id -> !id.equals(exceptOutcomeId))
                .map(outcomes::get)
                .filter(o -> o.status().holdsPayment())
                .filter(o -> rule == PaymentRule.ONCE_PER_BENEFICIARY || PeriodRange.overlap(o.period(), period))
                .findFirst();
    }

    /**
     * The days of a period (a year, a quarter or a month, as {@link #PERIOD} reads it). Periods of
     * different lengths that share a day are the same period for the once-per-period rule: a
     * beneficiary paid for 2026-06 is not paid again for 2026-Q2 or 2026.
     */
    private record PeriodRange(LocalDate first, LocalDate last) {

        static PeriodRange of(String period) {
            int year = Integer.parseInt(period.substring(0, 4));
            if (period.length() == 4) {
                return new PeriodRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            if (period.charAt(5) == 'Q') {
                LocalDate first = LocalDate.of(year, 3 * (period.charAt(6) - '1') + 1, 1);
                return new PeriodRange(first, first.plusMonths(3).minusDays(1));
            }
            LocalDate first = LocalDate.of(year, Integer.parseInt(period.substring(5, 7)), 1);
            return new PeriodRange(first, first.plusMonths(1).minusDays(1));
        }

        /** Whether two periods share a day; a period recorded before it was checked against {@link #PERIOD} counts by its text alone. */
        static boolean overlap(String a, String b) {
            if (a.equals(b)) {
                return true;
            }
            if (!PERIOD.matcher(a).matches() || !PERIOD.matcher(b).matches()) {
                return false;
            }
            PeriodRange x = of(a);
            PeriodRange y = of(b);
            return !x.first.isAfter(y.last) && !y.first.isAfter(x.last);
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    /**
     * The outcomes that hold a payment (approved or paid), by beneficiary and metric: the duplicate
     * payment rule looks here instead of scanning every outcome, which matters when a bulk import
     * reports many thousands under one contract. Derived from {@link #outcomes}, so it is not part of
     * the snapshot ({@code transient}): built on first use, then kept up to date by the event sourcing
     * handlers (which leave it unbuilt while replaying a stream).
     */
    private Map<String, List<String>> claimsHeld() {
        if (claimsHeld == null) {
            claimsHeld = new HashMap<>();
            outcomes.values().stream().filter(o -> o.status().holdsPayment()).forEach(this::holdClaim);
        }
        return claimsHeld;
    }

    private void holdClaim(OutcomeState outcome) {
        List<String> holding = claimsHeld().computeIfAbsent(claimKey(outcome.beneficiaryId().value(), outcome.metricCode()),
                k -> new ArrayList<>(1));
        if (!holding.contains(outcome.outcomeId().value())) {
            holding.add(outcome.outcomeId().value());
        }
    }

    private void releaseClaim(OutcomeState outcome) {
        String key = claimKey(outcome.beneficiaryId().value(), outcome.metricCode());
        List<String> holding = claimsHeld().get(key);
        if (holding != null) {
            holding.remove(outcome.outcomeId().value());
            if (holding.isEmpty()) {
                claimsHeld.remove(key);
            }
        }
    }

    private static String claimKey(String beneficiaryId, String metricCode) {
        return beneficiaryId + '\n' + metricCode;
    }

    private static String duplicateMessage(OutcomeState paid, PaymentRule rule) {
        return rule == PaymentRule.ONCE_PER_BENEFICIARY
                ? "beneficiary " + paid.beneficiaryId() + " already has a payment for metric " + paid.metricCode()
                        + " (outcome " + paid.outcomeId() + ", " + paid.status() + "); the metric is paid once per beneficiary"
                : "beneficiary " + paid.beneficiaryId() + " already has a payment for metric " + paid.metricCode() + " in period "
                        + paid.period() + " (outcome " + paid.outcomeId() + ", " + paid.status() + "); the metric is paid once per beneficiary per period";
    }

    private static Money amountFor(Money unitPrice, BigDecimal quantity) {
        return unitPrice.times(quantity);
    }

    private static void requireQuantity(BigDecimal quantity, String field) {
        required(quantity, field);
        if (quantity.signum() <= 0) {
            throw DomainException.invalid(field, field + " must be positive, was " + quantity.toPlainString());
        }
        if (quantity.stripTrailingZeros().scale() > QUANTITY_DECIMALS) {
            throw DomainException.invalid(field, field + " " + quantity.toPlainString() + " has more than " + QUANTITY_DECIMALS + " decimals");
        }
    }

    /** Money is exact: a quantity whose price is not a whole number of cents could never be paid, so refuse it up front. */
    private static void requireWholeCents(Money unitPrice, BigDecimal quantity, String field) {
        if (unitPrice.amount().multiply(quantity).stripTrailingZeros().scale() > Money.SCALE) {
            throw DomainException.invalid(field, field + " " + quantity.toPlainString() + " × unit price " + unitPrice
                    + " is not a whole number of cents");
        }
    }

    private static void validateEntries(List<RateCardEntry> entries, String field, String currency) {
        if (entries == null || entries.isEmpty()) {
            throw DomainException.invalid(field, field + " must have at least one entry");
        }
        Set<String> metricCodes = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String prefix = field + "[" + i + "]";
            RateCardEntry entry = entries.get(i);
            required(entry, prefix);
            requireText(entry.metricCode(), prefix + ".metricCode");
            if (!METRIC_CODE.matcher(entry.metricCode()).matches()) {
                throw DomainException.invalid(prefix + ".metricCode", prefix + ".metricCode '" + entry.metricCode()
                        + "' must be 1-40 upper-case letters, digits, '_', '.' or '-', starting with a letter or digit");
            }
            if (!metricCodes.add(entry.metricCode())) {
                throw DomainException.invalid(prefix + ".metricCode", "metric " + entry.metricCode() + " appears more than once in " + field);
            }
            requireText(entry.description(), prefix + ".description");
            required(entry.unitPrice(), prefix + ".unitPrice");
            entry.unitPrice().requireCurrency(currency, prefix + ".unitPrice").requirePositive(prefix + ".unitPrice");
            required(entry.rule(), prefix + ".rule");
            if (entry.sdgTargets().isEmpty()) {
                throw DomainException.invalid(prefix + ".sdgTargets", prefix + ".sdgTargets must name at least one SDG target");
            }
            SdgCheck.requireKnownTargets(entry.sdgTargets(), prefix + ".sdgTargets");
        }
    }

    private static boolean samePrincipal(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }
}

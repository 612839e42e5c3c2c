package org.impactledger.core.fund;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.impactledger.core.fund.command.AdvanceWorkingCapital;
import org.impactledger.core.fund.command.CallCapital;
import org.impactledger.core.fund.command.CommitCapital;
import org.impactledger.core.fund.command.CommitOutcomeBudget;
import org.impactledger.core.fund.command.Distribute;
import org.impactledger.core.fund.command.OpenFund;
import org.impactledger.core.fund.command.ReceiveCapital;
import org.impactledger.core.fund.command.RecordValuation;
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
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.fund.event.RentIncomeReceived;
import org.impactledger.core.fund.event.RentIncomeReversed;
import org.impactledger.core.fund.event.ValuationRecorded;
import org.impactledger.core.fund.event.WorkingCapitalAdvanced;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.PropertyId;

/**
 * An Outcome Fund: the money investors put in and get back, and the budgets outcome payers commit
 * to pay for verified outcomes. It is the consistency boundary for everything that must never go
 * negative or beyond a limit: an investor's uncalled commitment, a call's outstanding amount, the
 * fund's cash, the return cap, and each payer's budget.
 *
 * <p>Cash = capital received + outcome payments received + rent received − working capital advanced
 * − distributions − outcome payments refunded − property acquisitions paid − rent reversed.
 * Distributions follow the {@link DistributionWaterfall}.
 *
 * <p>Outcome payments are driven by the contract side: its command handler loads the fund and calls
 * {@link #reserveOutcomeBudget}, {@link #receiveOutcomePayment}, {@link #releaseOutcomeBudget} and
 * {@link #refundOutcomePayment}. A budget is reserved per outcome (one reservation per outcome id at
 * a time), the reservation moves to paid when the payer's transfer arrives, and a reversal either
 * releases the reservation or refunds the payment, after which the outcome may be reserved again.
 *
 * <p>Homes4All money is driven by the housing side in the same way ({@code HousingFundHandler}): a
 * property is paid for out of cash when it is acquired ({@link #payPropertyAcquisition}), and rent
 * collected from households reaches cash ({@link #receiveRentIncome}) or leaves it again when the
 * collection is reversed ({@link #reverseRentIncome}). There are no bus commands for these: a
 * payment is only right together with the property event it pays for, so the handler records both
 * in one unit of work or neither.
 *
 * <p>State is held in plain fields (typed ids, {@link Money}, records, String-keyed maps) so that the
 * aggregate can be snapshotted by field; it changes only in the {@code @EventSourcingHandler}s.
 */
public class Fund {

    static final int MAX_TEXT = 200;
    static final BigDecimal MIN_CAP_MULTIPLE = BigDecimal.ONE;
    static final BigDecimal MAX_CAP_MULTIPLE = BigDecimal.TEN;
    static final int MAX_CAP_MULTIPLE_DECIMALS = 4;

    /** One investor's position: commitment, called, paid in, and what came back (capital and profit). */
    record Investor(Money committed, Money called, Money paidIn, Money returnedCapital, Money profit) {
        static Investor none(String currency) {
            Money zero = Money.zero(currency);
            return new Investor(zero, zero, zero, zero, zero);
        }

        Money uncalled() {
            return committed.minus(called);
        }

        Money distributed() {
            return returnedCapital.plus(profit);
        }
    }

    /** A capital call and what has been received against it. */
    record CapitalCall(InvestorId investorId, Money amount, Money received) {
        Money outstanding() {
            return amount.minus(received);
        }
    }

    /** A payer's outcome budget: committed = remaining + reserved + paid. */
    record Budget(PayerId payerId, Money committed, Money reserved, Money paid, NrrpTag nrrp) {
        Money remaining() {
            return committed.minus(reserved).minus(paid);
        }
    }

    enum ReservationStatus { RESERVED, PAID }

    /** The budget reserved for one approved outcome payment, and whether it has been paid. */
    record Reservation(BudgetId budgetId, ContractId contractId, Money amount, ReservationStatus status) {
    }

    /** Rent received for one collection of a property, kept so that it can be reversed exactly once. */
    record RentIncome(LeaseId leaseId, String period, Money amount, boolean reversed) {
    }

    @AggregateIdentifier
    private FundId fundId;
    private String name;
    private String currency;
    private String manager;
    private BigDecimal returnCapMultiple;
    private Money cash;
    /** By investor id. */
    private Map<String, Investor> investors = new HashMap<>();
    /** By call id. */
    private Map<String, CapitalCall> calls = new HashMap<>();
    /** Advance id → amount. */
    private Map<String, Money> advances = new HashMap<>();
    /** Distribution id → amount. */
    private Map<String, Money> distributions = new HashMap<>();
    /** By budget id. */
    private Map<String, Budget> budgets = new HashMap<>();
    /** Property id → acquisition price paid (Homes4All). */
    private Map<String, Money> propertyAcquisitions = new HashMap<>();
    /** "propertyId/collectionId" → rent received (Homes4All). */
    private Map<String, RentIncome> rentIncome = new HashMap<>();
    /** By "contractId/outcomeId" ({@link #reservationKey}); an entry exists while the outcome's payment is reserved or paid. */
    private Map<String, Reservation> reservations = new HashMap<>();

    /** For the framework (event sourcing and snapshots). */
    protected Fund() {
    }

    // ---------------------------------------------------------------- commands

    @CommandHandler
    public Fund(OpenFund command) {
        if (command.fundId() == null) {
            throw DomainException.invalid("fundId", "fundId is required");
        }
        requireText(command.name(), "name");
        requireText(command.manager(), "manager");
        Money.validCurrency(command.currency(), "currency");
        BigDecimal multiple = command.returnCapMultiple();
        if (multiple == null) {
            throw DomainException.invalid("returnCapMultiple", "returnCapMultiple is required");
        }
        if (multiple.compareTo(MIN_CAP_MULTIPLE) < 0 || multiple.compareTo(MAX_CAP_MULTIPLE) > 0) {
            throw DomainException.invalid("returnCapMultiple",
                    "returnCapMultiple must be between 1 and 10, was " + multiple.toPlainString());
        }
        if (multiple.stripTrailingZeros().scale() > MAX_CAP_MULTIPLE_DECIMALS) {
            throw DomainException.invalid("returnCapMultiple",
                    "returnCapMultiple may have at most " + MAX_CAP_MULTIPLE_DECIMALS + " decimals, was " + multiple.toPlainString());
        }
        apply(new FundOpened(command.fundId(), command.name(), command.currency(), command.manager(), multiple));
    }

    @CommandHandler
    public void handle(CommitCapital command) {
        requireValue(command.investorId(), "investorId");
        Money amount = requireAmount(command.amount(), "amount");
        requireValue(command.valueDate(), "valueDate");
        Money total = investor(command.investorId()).committed().plus(amount);
        apply(new CapitalCommitted(fundId, command.investorId(), amount, total, command.valueDate()));
    }

    @CommandHandler
    public void handle(CallCapital command) {
        String callId = Identifier.requireValid(command.callId(), "callId");
        requireValue(command.investorId(), "investorId");
        Money amount = requireAmount(command.amount(), "amount");
        requireValue(command.dueDate(), "dueDate");
        if (calls.containsKey(callId)) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "callId",
                    "capital call " + callId + " already exists in fund " + fundId);
        }
        Investor investor = investors.get(command.investorId().value());
        if (investor == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "investorId",
                    "investor " + command.investorId() + " has no commitment in fund " + fundId);
        }
        if (amount.greaterThan(investor.uncalled())) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "amount",
                    "call of " + amount + " exceeds investor " + command.investorId() + "'s uncalled commitment of "
                            + investor.uncalled() + " (committed " + investor.committed() + ", called " + investor.called() + ")");
        }
        apply(new CapitalCalled(fundId, callId, command.investorId(), amount, command.dueDate()));
    }

    @CommandHandler
    public void handle(ReceiveCapital command) {
        String callId = Identifier.requireValid(command.callId(), "callId");
        Money amount = requireAmount(command.amount(), "amount");
        requireValue(command.valueDate(), "valueDate");
        requireText(command.bankReference(), "bankReference");
        CapitalCall call = calls.get(callId);
        if (call == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "callId",
                    "capital call " + callId + " does not exist in fund " + fundId);
        }
        if (amount.greaterThan(call.outstanding())) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "amount",
                    "receipt of " + amount + " exceeds call " + callId + "'s outstanding " + call.outstanding()
                            + " (called " + call.amount() + ", received " + call.received() + ")");
        }
        apply(new CapitalReceived(fundId, callId, call.investorId(), amount, command.valueDate(), command.bankReference()));
    }

    /**
     * Advances working capital to a provider under a contract, out of available cash. Called by the
     * contract side's command handler, which has checked that the contract is this fund's, open, and
     * signed with that provider: the fund alone cannot see its contracts.
     */
    public void advanceWorkingCapital(AdvanceWorkingCapital command) {
        String advanceId = Identifier.requireValid(command.advanceId(), "advanceId");
        requireValue(command.providerId(), "providerId");
        requireValue(command.contractId(), "contractId");
        Money amount = requireAmount(command.amount(), "amount");
        requireValue(command.valueDate(), "valueDate");
        if (advances.containsKey(advanceId)) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "advanceId",
                    "working capital advance " + advanceId + " already exists in fund " + fundId);
        }
        if (amount.greaterThan(cash)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "amount",
                    "advance of " + amount + " exceeds the fund's available cash of " + cash);
        }
        apply(new WorkingCapitalAdvanced(fundId, advanceId, command.providerId(), command.contractId(), amount, command.valueDate()));
    }

    @CommandHandler
    public void handle(CommitOutcomeBudget command) {
        requireValue(command.budgetId(), "budgetId");
        requireValue(command.payerId(), "payerId");
        Money amount = requireAmount(command.amount(), "amount");
        requireValue(command.valueDate(), "valueDate");
        NrrpTag nrrp = NrrpCodes.check(command.nrrp());
        if (budgets.containsKey(command.budgetId().value())) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "budgetId",
                    "outcome budget " + command.budgetId() + " already exists in fund " + fundId);
        }
        apply(new OutcomeBudgetCommitted(fundId, command.budgetId(), command.payerId(), amount, nrrp, command.valueDate()));
    }

    @CommandHandler
    public void handle(Distribute command) {
        String distributionId = Identifier.requireValid(command.distributionId(), "distributionId");
        Money amount = requireAmount(command.amount(), "amount");
        requireValue(command.valueDate(), "valueDate");
        if (distributions.containsKey(distributionId)) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "distributionId",
                    "distribution " + distributionId + " already exists in fund " + fundId);
        }
        if (amount.greaterThan(cash)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "amount",
                    "distribution of " + amount + " exceeds the fund's available cash of " + cash);
        }
        DistributionWaterfall waterfall = new DistributionWaterfall(returnCapMultiple);
        List<DistributionWaterfall.Position> positions = positions();
        Money room = waterfall.room(positions, currency);
        if (amount.greaterThan(room)) {
            Money paidIn = totalPaidIn();
            Money cap = waterfall.totalCap(positions, currency);
            boolean rounded = paidIn.amount().multiply(returnCapMultiple).compareTo(cap.amount()) != 0;
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "amount",
                    "distribution of " + amount + " exceeds the " + room + " left under the return cap: "
                            + returnCapMultiple.toPlainString() + " × paid-in " + paidIn
                            + (rounded ? " (rounded down to the cent per investor)" : "") + " = " + cap
                            + ", of which " + totalDistributed() + " already distributed");
        }
        List<DistributionShare> shares = waterfall.split(amount, positions);
        apply(new DistributionMade(fundId, distributionId, amount, command.valueDate(), shares));
    }

    @CommandHandler
    public void handle(RecordValuation command) {
        Money nav = command.netAssetValue();
        requireValue(nav, "netAssetValue");
        nav.requireCurrency(currency, "netAssetValue");
        if (nav.isNegative()) {
            throw DomainException.invalid("netAssetValue", "netAssetValue may not be negative, was " + nav);
        }
        requireValue(command.asOf(), "asOf");
        requireText(command.method(), "method");
        apply(new ValuationRecorded(fundId, nav, command.asOf(), command.method()));
    }

    // ---------------------------------------------------------------- outcome budgets (called by the contract side)

    /** The fund's currency: every amount it accepts must be in it. */
    public String currency() {
        return currency;
    }

    /** The payer who committed the budget; NOT_FOUND ({@code budgetId}) if the fund has no such budget. */
    public PayerId budgetPayer(BudgetId budgetId) {
        return budget(budgetId).payerId();
    }

    /** What the payer can still approve from the budget: committed − reserved − paid. */
    public Money remainingBudget(BudgetId budgetId) {
        return budget(budgetId).remaining();
    }

    /**
     * Reserves budget for an approved outcome payment. Refused if the outcome already has a
     * reservation (INVALID_STATE) or the amount exceeds the remaining budget (LIMIT_EXCEEDED).
     */
    public void reserveOutcomeBudget(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount) {
        Budget budget = budget(budgetId);
        requireValue(contractId, "contractId");
        requireValue(outcomeId, "outcomeId");
        requireAmount(amount, "amount");
        Reservation existing = reservations.get(reservationKey(contractId, outcomeId));
        if (existing != null) {
            throw new DomainException(ErrorCode.INVALID_STATE, "outcomeId",
                    "outcome " + outcomeId + " already has " + existing.amount() + " "
                            + (existing.status() == ReservationStatus.PAID ? "paid" : "reserved")
                            + " from budget " + existing.budgetId());
        }
        if (amount.greaterThan(budget.remaining())) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "budgetId",
                    "approving " + amount + " would exceed payer " + budget.payerId() + "'s remaining budget "
                            + budgetId + " of " + budget.remaining());
        }
        apply(new OutcomeBudgetReserved(fundId, budgetId, contractId, outcomeId, amount));
    }

    /**
     * Records the payer's transfer for a reserved outcome payment: the reservation becomes paid and
     * fund cash increases. Refused (INVALID_STATE) unless the outcome is reserved under this budget
     * and contract; the amount must be the reserved amount.
     */
    public void receiveOutcomePayment(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount,
                                      String bankReference, LocalDate valueDate) {
        Budget budget = budget(budgetId);
        requireValue(contractId, "contractId");
        requireValue(outcomeId, "outcomeId");
        requireAmount(amount, "amount");
        requireText(bankReference, "bankReference");
        requireValue(valueDate, "valueDate");
        requireReservation(budgetId, contractId, outcomeId, amount, ReservationStatus.RESERVED, "receive a payment for");
        apply(new OutcomePaymentReceived(fundId, budgetId, budget.payerId(), contractId, outcomeId, amount, bankReference, valueDate));
    }

    /**
     * Releases the reservation of an approved payment that was reversed before it was paid; the
     * budget is free again. Refused (INVALID_STATE) unless the outcome is reserved and not yet paid.
     */
    public void releaseOutcomeBudget(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount, String reason) {
        budget(budgetId);
        requireValue(contractId, "contractId");
        requireValue(outcomeId, "outcomeId");
        requireAmount(amount, "amount");
        requireText(reason, "reason");
        requireReservation(budgetId, contractId, outcomeId, amount, ReservationStatus.RESERVED, "release");
        apply(new OutcomeBudgetReleased(fundId, budgetId, contractId, outcomeId, amount, reason));
    }

    /**
     * Returns a paid outcome payment to the payer: paid budget and fund cash decrease. Refused
     * (INVALID_STATE) unless the outcome was paid, and (LIMIT_EXCEEDED) if the fund lacks the cash.
     */
    public void refundOutcomePayment(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount,
                                     String reason, LocalDate valueDate) {
        Budget budget = budget(budgetId);
        requireValue(contractId, "contractId");
        requireValue(outcomeId, "outcomeId");
        requireAmount(amount, "amount");
        requireText(reason, "reason");
        requireValue(valueDate, "valueDate");
        requireReservation(budgetId, contractId, outcomeId, amount, ReservationStatus.PAID, "refund");
        if (amount.greaterThan(cash)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "amount",
                    "refund of " + amount + " exceeds the fund's available cash of " + cash);
        }
        apply(new OutcomePaymentRefunded(fundId, budgetId, budget.payerId(), contractId, outcomeId, amount, reason, valueDate));
    }

    // ---------------------------------------------------------------- Homes4All (called by the housing side)

    /**
     * Pays the price of a property the fund acquires, out of its cash, on the acquisition date.
     * Refused if the price is not in the fund's currency (CURRENCY_MISMATCH), if the property was
     * paid for already (ALREADY_EXISTS) or if it exceeds the fund's cash (LIMIT_EXCEEDED). The
     * fields named are those of the acquisition ({@code acquisitionPrice}, {@code acquiredOn}).
     * An NRRP tag, when given, must name a well-formed CUP and a known measure (INVALID_VALUE /
     * UNKNOWN_CODE on {@code nrrp.cup} / {@code nrrp.measure}); it is stored in canonical form.
     */
    public void payPropertyAcquisition(PropertyId propertyId, Money acquisitionPrice, LocalDate acquiredOn, NrrpTag nrrp, String bankReference) {
        requireValue(propertyId, "propertyId");
        requireValue(acquisitionPrice, "acquisitionPrice");
        acquisitionPrice.requireCurrency(currency, "acquisitionPrice").requirePositive("acquisitionPrice");
        requireValue(acquiredOn, "acquiredOn");
        if (propertyAcquisitions.containsKey(propertyId.value())) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "propertyId", "fund " + fundId + " already paid "
                    + propertyAcquisitions.get(propertyId.value()) + " for property " + propertyId);
        }
        if (acquisitionPrice.greaterThan(cash)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "acquisitionPrice",
                    "acquisition price of " + acquisitionPrice + " exceeds the fund's available cash of " + cash);
        }
        NrrpTag tag = NrrpCodes.check(nrrp);
        String reference = bankReference == null || bankReference.isBlank() ? null : bankReference.trim();
        apply(new PropertyAcquisitionPaid(fundId, propertyId, acquisitionPrice, acquiredOn, tag, reference));
    }

    /**
     * Adds rent collected from a household to the fund's cash. Refused if the fund did not acquire
     * the property (NOT_FOUND), if the collection was received already (ALREADY_EXISTS) or if the
     * amount is not a positive amount in the fund's currency.
     */
    public void receiveRentIncome(PropertyId propertyId, LeaseId leaseId, String collectionId, String period, Money amount,
                                  LocalDate paymentDate, String bankReference) {
        requireValue(propertyId, "propertyId");
        requireValue(leaseId, "leaseId");
        Identifier.requireValid(collectionId, "collectionId");
        requireText(period, "period");
        requireAmount(amount, "amount");
        requireValue(paymentDate, "paymentDate");
        requireText(bankReference, "bankReference");
        requireAcquired(propertyId);
        if (rentIncome.containsKey(rentKey(propertyId, collectionId))) {
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "collectionId",
                    "rent collection " + collectionId + " of property " + propertyId + " already reached fund " + fundId);
        }
        apply(new RentIncomeReceived(fundId, propertyId, leaseId, collectionId, period, amount, paymentDate, bankReference));
    }

    /**
     * Takes a reversed rent collection back out of the fund's cash. Refused if the fund never
     * received it (NOT_FOUND), if it was reversed already (INVALID_STATE), if the amount is not the
     * amount received (INVALID_VALUE) or if the fund's cash cannot cover it (LIMIT_EXCEEDED: cash
     * never goes below zero).
     */
    public void reverseRentIncome(PropertyId propertyId, String collectionId, Money amount, String reason, LocalDate reversedOn) {
        requireValue(propertyId, "propertyId");
        Identifier.requireValid(collectionId, "collectionId");
        requireAmount(amount, "amount");
        requireText(reason, "reason");
        requireValue(reversedOn, "reversedOn");
        RentIncome income = rentIncome.get(rentKey(propertyId, collectionId));
        if (income == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "collectionId",
                    "fund " + fundId + " received no rent collection " + collectionId + " of property " + propertyId);
        }
        if (income.reversed()) {
            throw new DomainException(ErrorCode.INVALID_STATE, "collectionId",
                    "rent collection " + collectionId + " of property " + propertyId + " was already reversed in fund " + fundId);
        }
        if (!income.amount().equals(amount)) {
            throw DomainException.invalid("amount",
                    "cannot reverse rent collection " + collectionId + " with " + amount + ": " + income.amount() + " was received");
        }
        if (amount.greaterThan(cash)) {
            throw new DomainException(ErrorCode.LIMIT_EXCEEDED, "collectionId", "reversing rent collection " + collectionId + " of "
                    + amount + " exceeds the fund's available cash of " + cash);
        }
        apply(new RentIncomeReversed(fundId, propertyId, income.leaseId(), collectionId, income.period(), amount, reason, reversedOn));
    }

    // ---------------------------------------------------------------- read-only views

    public FundId fundId() {
        return fundId;
    }

    public BigDecimal returnCapMultiple() {
        return returnCapMultiple;
    }

    /** Cash the fund holds now. */
    public Money cash() {
        return cash;
    }

    /** The investor's total commitment (zero if none). */
    public Money committed(InvestorId investorId) {
        return investor(investorId).committed();
    }

    /** The investor's commitment not yet called. */
    public Money uncalled(InvestorId investorId) {
        return investor(investorId).uncalled();
    }

    /** Capital the investor has paid in (received against calls). */
    public Money paidIn(InvestorId investorId) {
        return investor(investorId).paidIn();
    }

    /** Everything distributed to the investor so far (return of capital and profit). */
    public Money distributedTo(InvestorId investorId) {
        return investor(investorId).distributed();
    }

    public Money totalPaidIn() {
        return investors.values().stream().map(Investor::paidIn).reduce(Money.zero(currency), Money::plus);
    }

    /** What the fund paid for the property, if it acquired it. */
    public Optional<Money> acquisitionPaid(PropertyId propertyId) {
        return Optional.ofNullable(propertyAcquisitions.get(propertyId.value()));
    }

    public Money totalDistributed() {
        return investors.values().stream().map(Investor::distributed).reduce(Money.zero(currency), Money::plus);
    }

    // ---------------------------------------------------------------- event sourcing

    @EventSourcingHandler
    void on(FundOpened event) {
        fundId = event.fundId();
        name = event.name();
        currency = event.currency();
        manager = event.manager();
        returnCapMultiple = event.returnCapMultiple();
        cash = Money.zero(event.currency());
    }

    @EventSourcingHandler
    void on(CapitalCommitted event) {
        Investor investor = investor(event.investorId());
        investors.put(event.investorId().value(), new Investor(event.totalCommitted(), investor.called(),
                investor.paidIn(), investor.returnedCapital(), investor.profit()));
    }

    @EventSourcingHandler
    void on(CapitalCalled event) {
        calls.put(event.callId(), new CapitalCall(event.investorId(), event.amount(), Money.zero(currency)));
        Investor investor = investor(event.investorId());
        investors.put(event.investorId().value(), new Investor(investor.committed(), investor.called().plus(event.amount()),
                investor.paidIn(), investor.returnedCapital(), investor.profit()));
    }

    @EventSourcingHandler
    void on(CapitalReceived event) {
        CapitalCall call = calls.get(event.callId());
        calls.put(event.callId(), new CapitalCall(call.investorId(), call.amount(), call.received().plus(event.amount())));
        Investor investor = investor(event.investorId());
        investors.put(event.investorId().value(), new Investor(investor.committed(), investor.called(),
                investor.paidIn().plus(event.amount()), investor.returnedCapital(), investor.profit()));
        cash = cash.plus(event.amount());
    }

    @EventSourcingHandler
    void on(WorkingCapitalAdvanced event) {
        advances.put(event.advanceId(), event.amount());
        cash = cash.minus(event.amount());
    }

    @EventSourcingHandler
    void on(OutcomeBudgetCommitted event) {
        Money zero = Money.zero(currency);
        budgets.put(event.budgetId().value(), new Budget(event.payerId(), event.amount(), zero, zero, event.nrrp()));
    }

    @EventSourcingHandler
    void on(OutcomeBudgetReserved event) {
        Budget budget = budgets.get(event.budgetId().value());
        budgets.put(event.budgetId().value(), new Budget(budget.payerId(), budget.committed(),
                budget.reserved().plus(event.amount()), budget.paid(), budget.nrrp()));
        reservations.put(reservationKey(event.contractId(), event.outcomeId()),
                new Reservation(event.budgetId(), event.contractId(), event.amount(), ReservationStatus.RESERVED));
    }

    @EventSourcingHandler
    void on(OutcomePaymentReceived event) {
        Budget budget = budgets.get(event.budgetId().value());
        budgets.put(event.budgetId().value(), new Budget(budget.payerId(), budget.committed(),
                budget.reserved().minus(event.amount()), budget.paid().plus(event.amount()), budget.nrrp()));
        reservations.put(reservationKey(event.contractId(), event.outcomeId()),
                new Reservation(event.budgetId(), event.contractId(), event.amount(), ReservationStatus.PAID));
        cash = cash.plus(event.amount());
    }

    @EventSourcingHandler
    void on(OutcomeBudgetReleased event) {
        Budget budget = budgets.get(event.budgetId().value());
        budgets.put(event.budgetId().value(), new Budget(budget.payerId(), budget.committed(),
                budget.reserved().minus(event.amount()), budget.paid(), budget.nrrp()));
        reservations.remove(reservationKey(event.contractId(), event.outcomeId()));
    }

    @EventSourcingHandler
    void on(OutcomePaymentRefunded event) {
        Budget budget = budgets.get(event.budgetId().value());
        budgets.put(event.budgetId().value(), new Budget(budget.payerId(), budget.committed(),
                budget.reserved(), budget.paid().minus(event.amount()), budget.nrrp()));
        reservations.remove(reservationKey(event.contractId(), event.outcomeId()));
        cash = cash.minus(event.amount());
    }

    @EventSourcingHandler
    void on(DistributionMade event) {
        distributions.put(event.distributionId(), event.amount());
        for (DistributionShare share : event.shares()) {
            Investor investor = investor(share.investorId());
            investors.put(share.investorId().value(), new Investor(investor.committed(), investor.called(), investor.paidIn(),
                    investor.returnedCapital().plus(share.returnOfCapital()), investor.profit().plus(share.profit())));
        }
        cash = cash.minus(event.amount());
    }

    // ValuationRecorded changes no state the fund's rules depend on: it is a fact for the performance report.

    @EventSourcingHandler
    void on(PropertyAcquisitionPaid event) {
        propertyAcquisitions.put(event.propertyId().value(), event.amount());
        cash = cash.minus(event.amount());
    }

    @EventSourcingHandler
    void on(RentIncomeReceived event) {
        rentIncome.put(rentKey(event.propertyId(), event.collectionId()),
                new RentIncome(event.leaseId(), event.period(), event.amount(), false));
        cash = cash.plus(event.amount());
    }

    @EventSourcingHandler
    void on(RentIncomeReversed event) {
        String key = rentKey(event.propertyId(), event.collectionId());
        RentIncome income = rentIncome.get(key);
        rentIncome.put(key, new RentIncome(income.leaseId(), income.period(), income.amount(), true));
        cash = cash.minus(event.amount());
    }

    // ---------------------------------------------------------------- helpers

    private Investor investor(InvestorId investorId) {
        Investor investor = investorId == null ? null : investors.get(investorId.value());
        return investor != null ? investor : Investor.none(currency);
    }

    private void requireAcquired(PropertyId propertyId) {
        if (!propertyAcquisitions.containsKey(propertyId.value())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "propertyId",
                    "fund " + fundId + " did not acquire property " + propertyId);
        }
    }

    private static String rentKey(PropertyId propertyId, String collectionId) {
        return propertyId.value() + "/" + collectionId;
    }

    private Budget budget(BudgetId budgetId) {
        requireValue(budgetId, "budgetId");
        Budget budget = budgets.get(budgetId.value());
        if (budget == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "budgetId",
                    "outcome budget " + budgetId + " does not exist in fund " + fundId);
        }
        return budget;
    }

    /** Investors who have paid in, in investor id order, as the waterfall sees them. */
    private List<DistributionWaterfall.Position> positions() {
        List<DistributionWaterfall.Position> positions = new ArrayList<>();
        new TreeMap<>(investors).forEach((id, investor) -> {
            if (investor.paidIn().isPositive()) {
                positions.add(new DistributionWaterfall.Position(InvestorId.of(id), investor.paidIn(),
                        investor.returnedCapital(), investor.profit()));
            }
        });
        return positions;
    }

    /**
     * An outcome's reservation is keyed by its contract and its id: outcome ids are unique within a
     * contract only, and two contracts of a fund may each have an outcome {@code o1}. ('/' cannot occur
     * in an id.)
     */
    private static String reservationKey(ContractId contractId, OutcomeId outcomeId) {
        return contractId.value() + "/" + outcomeId.value();
    }

    private void requireReservation(BudgetId budgetId, ContractId contractId, OutcomeId outcomeId, Money amount,
                                    ReservationStatus expected, String action) {
        Reservation reservation = reservations.get(reservationKey(contractId, outcomeId));
        if (reservation == null) {
            throw new DomainException(ErrorCode.INVALID_STATE, "outcomeId",
                    "cannot " + action + " outcome " + outcomeId + " of contract " + contractId + ": it has no reservation in budget " + budgetId);
        }
        if (reservation.status() != expected) {
            throw new DomainException(ErrorCode.INVALID_STATE, "outcomeId",
                    "cannot " + action + " outcome " + outcomeId + ": its payment of " + reservation.amount() + " is "
                            + (reservation.status() == ReservationStatus.PAID ? "already paid" : "reserved but not paid"));
        }
        if (!reservation.budgetId().equals(budgetId)) {
            throw new DomainException(ErrorCode.INVALID_STATE, "outcomeId",
                    "cannot " + action + " outcome " + outcomeId + " of contract " + contractId + " under budget " + budgetId
                            + ": it is reserved under budget " + reservation.budgetId());
        }
        if (!reservation.amount().equals(amount)) {
            throw DomainException.invalid("amount",
                    "cannot " + action + " outcome " + outcomeId + " with " + amount + ": its reservation is " + reservation.amount());
        }
    }

    private Money requireAmount(Money amount, String field) {
        requireValue(amount, field);
        return amount.requireCurrency(currency, field).requirePositive(field);
    }

    private static void requireValue(Object value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (value.length() > MAX_TEXT) {
            throw DomainException.invalid(field, field + " may have at most " + MAX_TEXT + " characters, had " + value.length());
        }
    }
}

package org.impactledger.projections.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A fund's performance as of {@code asOf} (business date) and as known at {@code knownAt}.
 *
 * <ul>
 *   <li>committed, paid-in, distributed: sums of commitments, capital received and distributions
 *       (distributed = return of capital + profit);</li>
 *   <li>residual value: the net asset value of {@link #valuation()}, {@code null} if none;</li>
 *   <li>DPI, RVPI, TVPI: see {@link Multiples};</li>
 *   <li>IRR: {@link Xirr} over {@link #cashFlows()}: contributions negative at their value dates,
 *       distributions positive at theirs, the residual value positive at the valuation date;</li>
 *   <li>fund flows: working capital advanced, outcome payments received and refunded, Homes4All
 *       property acquisitions and rent income (collected − reversed), and the cash they leave:
 *       paid-in + received + rent income − advanced − distributed − refunded − property acquisitions,
 *       which is the {@code Fund} aggregate's cash (every event that moves it is a flow);</li>
 *   <li>outcomes: verified outcomes of the fund's contracts (from the SDG facts), outcome payments
 *       paid (received − refunded) and cost per verified outcome = paid ÷ verified outcomes (scale
 *       2, HALF_EVEN; {@code null} when none is verified);</li>
 *   <li>contracts against their caps, and payer budgets: see {@link ContractUse}, {@link BudgetUse};</li>
 *   <li>investors: each investor's figures, residual value split pro rata to paid-in ({@link ProRata}).</li>
 * </ul>
 */
public record FundPerformance(String fundId, String name, String currency, LocalDate asOf, Instant knownAt,
                              BigDecimal committed, BigDecimal paidIn, BigDecimal distributed, BigDecimal returnOfCapital, BigDecimal profit,
                              BigDecimal residualValue, Valuation valuation, BigDecimal dpi, BigDecimal rvpi, BigDecimal tvpi, XirrResult irr,
                              List<CashFlow> cashFlows, FundFlows fundFlows, OutcomeCost outcomes, List<ContractUse> contracts,
                              List<BudgetUse> budgets, List<InvestorSummary> investors) {

    /**
     * The report as a reader who may see only some investors reads it (an investor: only itself): the
     * fund's figures, the investor rows it may read, and cash flows that still give the fund's IRR. The
     * contributions of the investors it may not read are not dropped, which would leave an IRR that the
     * flows shown cannot give (the fund's IRR beside one investor's contributions and the whole NAV), nor
     * named: they are summed per value date (and kind: only contributions name an investor in the
     * fund's flows) into one unnamed flow of the fund ({@code investorId} and {@code eventId} null).
     * Flows on one date add up, so the XIRR of the flows shown is the fund's IRR. An investor's own
     * flows and IRR are {@link InvestorPerformance}.
     */
    public FundPerformance readBy(Predicate<String> mayReadInvestor) {
        List<CashFlow> shown = new ArrayList<>();
        // per date and kind: a sum keeps the kind of what it sums
        Map<LocalDate, Map<String, BigDecimal>> others = new TreeMap<>();
        for (CashFlow flow : cashFlows) {
            if (flow.investorId() == null || mayReadInvestor.test(flow.investorId())) {
                shown.add(flow);
            } else {
                others.computeIfAbsent(flow.date(), d -> new TreeMap<>()).merge(flow.kind(), flow.amount(), BigDecimal::add);
            }
        }
        others.forEach((date, byKind) -> byKind.forEach((kind, amount) -> shown.add(new CashFlow(date, kind, null, amount, null))));
        shown.sort(READER_ORDER);
        return new FundPerformance(fundId, name, currency, asOf, knownAt, committed, paidIn, distributed, returnOfCapital, profit,
                residualValue, valuation, dpi, rvpi, tvpi, irr, List.copyOf(shown), fundFlows, outcomes, contracts, budgets,
                investors.stream().filter(i -> mayReadInvestor.test(i.investorId())).toList());
    }

    /** By date; on one date contributions, distributions, the residual value; then the named flows by event, the unnamed sum last. */
    private static final List<String> KIND_ORDER = List.of(CashFlow.CONTRIBUTION, CashFlow.DISTRIBUTION, CashFlow.RESIDUAL_VALUE);
    private static final Comparator<CashFlow> READER_ORDER = Comparator.comparing(CashFlow::date)
            .thenComparingInt(f -> KIND_ORDER.indexOf(f.kind()))
            .thenComparing(CashFlow::eventId, Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * The fund's own money movements besides its investors' (see {@link FundPerformance}). Rent is fund
     * income: it adds to cash (and, through valuations and distributions, to the investors' returns) but is
     * no flow of the IRR, nor is a property acquisition.
     */
    public record FundFlows(BigDecimal advanced, BigDecimal outcomePaymentsReceived, BigDecimal outcomePaymentsRefunded,
                            BigDecimal propertyAcquisitions, BigDecimal rentIncome, BigDecimal cash) {
    }

    public record OutcomeCost(long verifiedOutcomes, BigDecimal outcomePaymentsPaid, BigDecimal costPerVerifiedOutcome) {
    }

    /** Outcome payments against a contract's cap: approved = reserved − released − refunded; paid = received − refunded; remaining = cap − approved. */
    public record ContractUse(String contractId, String title, String payerId, String budgetId, BigDecimal cap, BigDecimal approved,
                              BigDecimal paid, BigDecimal remaining) {
    }

    /**
     * A payer's outcome budget: reserved = reserved − released − received (approved, not yet
     * paid); paid = received − refunded; remaining = committed − reserved − paid.
     */
    public record BudgetUse(String budgetId, String payerId, BigDecimal committed, BigDecimal reserved, BigDecimal paid,
                            BigDecimal remaining) {
    }

    public record InvestorSummary(String investorId, BigDecimal committed, BigDecimal paidIn, BigDecimal distributed,
                                  BigDecimal residualValue) {
    }
}

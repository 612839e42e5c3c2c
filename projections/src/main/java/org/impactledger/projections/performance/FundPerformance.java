package org.impactledger.projections.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

package org.impactledger.projections.performance;

import static org.impactledger.projections.state.JdbcValues.instant;
import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.impactledger.projections.performance.FundPerformance.BudgetUse;
import org.impactledger.projections.performance.FundPerformance.ContractUse;
import org.impactledger.projections.performance.FundPerformance.FundFlows;
import org.impactledger.projections.performance.FundPerformance.InvestorSummary;
import org.impactledger.projections.performance.FundPerformance.OutcomeCost;
import org.impactledger.projections.performance.InvestorPerformance.ResidualShare;
import org.impactledger.projections.report.TimeTravel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the fund performance queries from the {@code fund-performance} facts, selected with
 * {@code business_date <= asOf AND recorded_at <= knownAt}, and the verified outcomes from the
 * {@code sdg-impact} facts with the same bounds. Sums are plain BigDecimal additions of cents;
 * the only divisions are the multiples ({@link Multiples}), the cost per verified outcome (scale
 * 2, HALF_EVEN) and the residual value split ({@link ProRata}).
 */
@Component
public class FundPerformanceQueries {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final JdbcClient jdbc;

    public FundPerformanceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The report. When every flow kept in {@code perf_flow_total} lies within the bounds (no
     * {@code asOf}, or one not before their latest business date; {@code knownAt} not before their
     * latest recording time: the usual "as of now" question) those flows are read as their totals per
     * contract, budget and payer, and only the other flows one by one. A past {@code asOf} with a
     * {@code knownAt} not before their latest recording time reads their monthly sums instead
     * ({@link #flowsWithPeriods}); any other question reads every flow in bounds
     * ({@link #flowByFlowPerformance}). Likewise the verified outcomes are the fund's count kept by
     * the {@code sdg-impact} processor ({@code sdg_fund_verified}) when the bounds cover it, else
     * counted from the SDG facts in bounds. All give the same report.
     */
    @QueryHandler
    public FundPerformance handle(FindFundPerformance query) {
        FundRow fund = fund(query.fundId().value());
        if (fund == null) {
            return null;
        }
        TimeTravel time = query.timeTravel();
        List<FlowRow> flows = flowsWithTotals(fund.fundId(), time);
        if (flows == null) {
            flows = flowsWithPeriods(fund.fundId(), time);
        }
        Long verified = keptVerifiedOutcomes(fund.fundId(), time);
        return report(fund, time, flows == null ? flows(fund.fundId(), time) : flows,
                verified == null ? verifiedOutcomes(fund.fundId(), time) : verified);
    }

    /**
     * The report from every flow in bounds, one by one, and the verified outcomes counted from the SDG facts in bounds:
     * any asOf and knownAt.
     */
    public FundPerformance flowByFlowPerformance(FindFundPerformance query) {
        FundRow fund = fund(query.fundId().value());
        return fund == null ? null
                : report(fund, query.timeTravel(), flows(fund.fundId(), query.timeTravel()), verifiedOutcomes(fund.fundId(), query.timeTravel()));
    }

    private FundPerformance report(FundRow fund, TimeTravel time, List<FlowRow> flows, long verified) {
        Valuation valuation = valuation(fund.fundId(), time);
        FlowSums sums = new FlowSums(flows);
        BigDecimal paidIn = sums.of(FlowKind.CONTRIBUTION);
        BigDecimal distributed = sums.of(FlowKind.DISTRIBUTION);
        BigDecimal residual = valuation == null ? null : valuation.netAssetValue();
        Multiples multiples = Multiples.of(distributed, residual, paidIn);

        List<CashFlow> cashFlows = new ArrayList<>();
        flows.stream().filter(f -> f.kind() == FlowKind.CONTRIBUTION)
                .forEach(f -> cashFlows.add(new CashFlow(f.date(), CashFlow.CONTRIBUTION, f.investorId(), f.amount().negate(), f.eventId())));
        // a distribution is one flow for the fund, whatever the number of investor shares
        flows.stream().filter(f -> f.kind() == FlowKind.DISTRIBUTION)
                .collect(Collectors.groupingBy(FlowRow::eventId, LinkedHashMap::new, Collectors.toList()))
                .forEach((eventId, shares) -> cashFlows.add(new CashFlow(shares.get(0).date(), CashFlow.DISTRIBUTION, null,
                        shares.stream().map(FlowRow::amount).reduce(ZERO, BigDecimal::add), eventId)));
        if (valuation != null) {
            cashFlows.add(new CashFlow(valuation.valuationDate(), CashFlow.RESIDUAL_VALUE, null, valuation.netAssetValue(), valuation.eventId()));
        }
        cashFlows.sort(FLOW_ORDER);

        BigDecimal advanced = sums.of(FlowKind.ADVANCE);
        BigDecimal received = sums.of(FlowKind.OUTCOME_PAYMENT_RECEIVED);
        BigDecimal refunded = sums.of(FlowKind.OUTCOME_PAYMENT_REFUNDED);
        BigDecimal propertyAcquisitions = sums.of(FlowKind.PROPERTY_ACQUISITION);
        BigDecimal rentIncome = sums.of(FlowKind.RENT_RECEIVED).subtract(sums.of(FlowKind.RENT_REVERSED));
        FundFlows fundFlows = new FundFlows(advanced, received, refunded, propertyAcquisitions, rentIncome,
                paidIn.add(received).add(rentIncome).subtract(advanced).subtract(distributed).subtract(refunded).subtract(propertyAcquisitions));
        BigDecimal outcomePaid = received.subtract(refunded);
        OutcomeCost outcomes = new OutcomeCost(verified, outcomePaid,
                verified == 0 ? null : outcomePaid.divide(BigDecimal.valueOf(verified), 2, RoundingMode.HALF_EVEN));

        Map<String, BigDecimal> residualShares = residualShares(flows, valuation);
        List<InvestorSummary> investors = new ArrayList<>();
        flows.stream().map(FlowRow::investorId).filter(Objects::nonNull).distinct().sorted().forEach(investor ->
                investors.add(new InvestorSummary(investor, sums.ofInvestor(FlowKind.COMMITMENT, investor),
                        sums.ofInvestor(FlowKind.CONTRIBUTION, investor), sums.ofInvestor(FlowKind.DISTRIBUTION, investor),
                        residualShares == null ? null : residualShares.getOrDefault(investor, ZERO))));

        return new FundPerformance(fund.fundId(), fund.name(), fund.currency(), time.asOf(), time.knownAt(),
                sums.of(FlowKind.COMMITMENT), paidIn, distributed, sums.returnOfCapital(), sums.profit(),
                residual, valuation, multiples.dpi(), multiples.rvpi(), multiples.tvpi(), Xirr.solve(dated(cashFlows)), cashFlows,
                fundFlows, outcomes, contracts(fund.fundId(), time, sums), budgets(flows, sums), investors);
    }

    /** @return the report, or {@code null} when the fund is unknown or the investor has no flow in it at all */
    @QueryHandler
    public InvestorPerformance handle(FindInvestorPerformance query) {
        FundRow fund = fund(query.fundId().value());
        String investor = query.investorId().value();
        if (fund == null || !hasInvestor(fund.fundId(), investor)) {
            return null;
        }
        TimeTravel time = query.timeTravel();
        List<FlowRow> flows = flows(fund.fundId(), time, " AND kind IN (:kinds)", Map.of("kinds", INVESTOR_KINDS));
        Valuation valuation = valuation(fund.fundId(), time);
        Predicate<FlowRow> own = f -> investor.equals(f.investorId());
        BigDecimal paidIn = sum(flows, FlowKind.CONTRIBUTION, own);
        BigDecimal fundPaidIn = sum(flows, FlowKind.CONTRIBUTION);
        BigDecimal distributed = sum(flows, FlowKind.DISTRIBUTION, own);
        Map<String, BigDecimal> shares = residualShares(flows, valuation);
        BigDecimal residual = shares == null ? null : shares.getOrDefault(investor, ZERO);
        Multiples multiples = Multiples.of(distributed, residual, paidIn);

        List<CashFlow> cashFlows = new ArrayList<>();
        flows.stream().filter(own).forEach(f -> {
            if (f.kind() == FlowKind.CONTRIBUTION) {
                cashFlows.add(new CashFlow(f.date(), CashFlow.CONTRIBUTION, investor, f.amount().negate(), f.eventId()));
            } else if (f.kind() == FlowKind.DISTRIBUTION) {
                cashFlows.add(new CashFlow(f.date(), CashFlow.DISTRIBUTION, investor, f.amount(), f.eventId()));
            }
        });
        if (residual != null) {
            cashFlows.add(new CashFlow(valuation.valuationDate(), CashFlow.RESIDUAL_VALUE, investor, residual, valuation.eventId()));
        }
        cashFlows.sort(FLOW_ORDER);
        ResidualShare share = valuation == null ? null : new ResidualShare(valuation, paidIn, fundPaidIn, InvestorPerformance.ATTRIBUTION);
        return new InvestorPerformance(fund.fundId(), investor, fund.currency(), time.asOf(), time.knownAt(),
                sum(flows, FlowKind.COMMITMENT, own), paidIn, distributed, returnOfCapital(flows, own), profit(flows, own), residual, share,
                multiples.dpi(), multiples.rvpi(), multiples.tvpi(), Xirr.solve(dated(cashFlows)), cashFlows);
    }

    /**
     * Each investor's part of the NAV, pro rata to paid-in ({@link ProRata}); {@code null} when no
     * valuation is known, or nothing is paid in (there is no basis to split on).
     */
    private static Map<String, BigDecimal> residualShares(List<FlowRow> flows, Valuation valuation) {
        if (valuation == null) {
            return null;
        }
        Map<String, BigDecimal> paidIn = new TreeMap<>();
        flows.stream().filter(f -> f.kind() == FlowKind.CONTRIBUTION)
                .forEach(f -> paidIn.merge(f.investorId(), f.amount(), BigDecimal::add));
        if (paidIn.values().stream().noneMatch(v -> v.signum() > 0)) {
            return null;
        }
        return ProRata.split(valuation.netAssetValue(), paidIn);
    }

    private List<ContractUse> contracts(String fundId, TimeTravel time, FlowSums sums) {
        return jdbc.sql("""
                        SELECT contract_id, title, payer_id, budget_id, cap FROM perf_contract
                        WHERE fund_id = :fundId AND business_date <= :asOf AND recorded_at <= :knownAt
                        ORDER BY contract_id""")
                .param("fundId", fundId)
                .param("asOf", time.asOfOrEndOfTime())
                .param("knownAt", utc(time.knownAt()))
                .query((rs, row) -> {
                    String contractId = rs.getString("contract_id");
                    BigDecimal cap = rs.getBigDecimal("cap").setScale(2);
                    BigDecimal refunded = sums.ofContract(FlowKind.OUTCOME_PAYMENT_REFUNDED, contractId);
                    BigDecimal approved = sums.ofContract(FlowKind.BUDGET_RESERVED, contractId)
                            .subtract(sums.ofContract(FlowKind.BUDGET_RELEASED, contractId)).subtract(refunded);
                    BigDecimal paid = sums.ofContract(FlowKind.OUTCOME_PAYMENT_RECEIVED, contractId).subtract(refunded);
                    return new ContractUse(contractId, rs.getString("title"), rs.getString("payer_id"), rs.getString("budget_id"), cap,
                            approved, paid, cap.subtract(approved));
                })
                .list();
    }

    private static List<BudgetUse> budgets(List<FlowRow> flows, FlowSums sums) {
        Map<String, String> payers = new TreeMap<>();
        flows.stream().filter(f -> f.budgetId() != null).forEach(f -> {
            payers.putIfAbsent(f.budgetId(), null);
            if (f.payerId() != null) {
                payers.put(f.budgetId(), f.payerId());
            }
        });
        List<BudgetUse> budgets = new ArrayList<>();
        payers.forEach((budgetId, payerId) -> {
            BigDecimal committed = sums.ofBudget(FlowKind.BUDGET_COMMITTED, budgetId);
            BigDecimal received = sums.ofBudget(FlowKind.OUTCOME_PAYMENT_RECEIVED, budgetId);
            BigDecimal reserved = sums.ofBudget(FlowKind.BUDGET_RESERVED, budgetId).subtract(sums.ofBudget(FlowKind.BUDGET_RELEASED, budgetId))
                    .subtract(received);
            BigDecimal paid = received.subtract(sums.ofBudget(FlowKind.OUTCOME_PAYMENT_REFUNDED, budgetId));
            budgets.add(new BudgetUse(budgetId, payerId, committed, reserved, paid, committed.subtract(reserved).subtract(paid)));
        });
        return budgets;
    }

    /**
     * Outcomes of the fund whose verified quantity, summed over the SDG facts in bounds, is above zero. Only Outcome Fund
     * outcomes: the figure divides outcome payments, which housing outcomes of a Homes4All fund never have. Only the
     * facts that move a verified quantity are summed (the rest add zero; on PostgreSQL they have an index of their own
     * that holds every column read here, V212 and V213).
     */
    private long verifiedOutcomes(String fundId, TimeTravel time) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM (
                            SELECT contract_id, outcome_id FROM sdg_outcome_fact
                            WHERE fund_id = :fundId AND programme = 'OUTCOME_FUND' AND business_date <= :asOf AND recorded_at <= :knownAt
                                AND verified_delta <> 0
                            GROUP BY contract_id, outcome_id
                            HAVING SUM(verified_delta) > 0) verified""")
                .param("fundId", fundId)
                .param("asOf", time.asOfOrEndOfTime())
                .param("knownAt", utc(time.knownAt()))
                .query(Long.class)
                .single();
    }

    /**
     * The fund's count of verified Outcome Fund outcomes as the {@code sdg-impact} processor keeps it
     * ({@code sdg_fund_verified}), when the bounds cover every fact that moved a verified quantity of the
     * fund (their latest business date not after {@code asOf}, their latest recording time not after
     * {@code knownAt}): then {@link #verifiedOutcomes} sums every such fact and gives this count. Zero
     * when the fund has no such fact at all; {@code null} when the bounds leave one out.
     */
    private Long keptVerifiedOutcomes(String fundId, TimeTravel time) {
        List<long[]> rows = jdbc.sql("""
                        SELECT verified_outcomes,
                            CASE WHEN last_business_date <= :asOf AND last_recorded_at <= :knownAt THEN 1 ELSE 0 END AS covered
                        FROM sdg_fund_verified WHERE fund_id = :fundId""")
                .param("fundId", fundId)
                .param("asOf", time.asOfOrEndOfTime())
                .param("knownAt", utc(time.knownAt()))
                .query((rs, row) -> new long[] {rs.getLong("verified_outcomes"), rs.getInt("covered")})
                .list();
        if (rows.isEmpty()) {
            return 0L;
        }
        return rows.get(0)[1] == 1 ? rows.get(0)[0] : null;
    }

    private FundRow fund(String fundId) {
        return jdbc.sql("SELECT fund_id, name, currency FROM perf_fund WHERE fund_id = :fundId")
                .param("fundId", fundId)
                .query((rs, row) -> new FundRow(rs.getString("fund_id"), rs.getString("name"), rs.getString("currency")))
                .optional()
                .orElse(null);
    }

    private boolean hasInvestor(String fundId, String investorId) {
        return jdbc.sql("SELECT CASE WHEN EXISTS (SELECT 1 FROM perf_flow WHERE fund_id = :fundId AND investor_id = :investorId) THEN 1 ELSE 0 END")
                .param("fundId", fundId)
                .param("investorId", investorId)
                .query(Integer.class)
                .single() == 1;
    }

    /**
     * The flows for the fund report with the totalled kinds ({@link FundPerformanceProjection#TOTALLED})
     * as one row per total (no event id, no date: the report only adds them up), or {@code null} when
     * the totals cannot answer: a total with a flow outside the bounds, or a budget seen with two
     * payers (the flow-by-flow report names the later one; totals have no order).
     */
    private List<FlowRow> flowsWithTotals(String fundId, TimeTravel time) {
        List<FlowRow> totals = new ArrayList<>();
        boolean[] covered = {true};
        jdbc.sql("""
                        SELECT kind, contract_id, budget_id, payer_id, amount,
                            CASE WHEN last_business_date <= :asOf AND last_recorded_at <= :knownAt THEN 1 ELSE 0 END AS covered
                        FROM perf_flow_total WHERE fund_id = :fundId""")
                .param("fundId", fundId)
                .param("asOf", time.asOfOrEndOfTime())
                .param("knownAt", utc(time.knownAt()))
                .query(rs -> {
                    covered[0] &= rs.getInt("covered") == 1;
                    totals.add(new FlowRow(null, FlowKind.valueOf(rs.getString("kind")), null, emptyAsNull(rs.getString("contract_id")),
                            emptyAsNull(rs.getString("budget_id")), emptyAsNull(rs.getString("payer_id")), rs.getBigDecimal("amount").setScale(2),
                            null, null, null));
                });
        if (!covered[0]) {
            return null;
        }
        List<FlowRow> flows = new ArrayList<>(flows(fundId, time, " AND kind IN (:kinds)", Map.of("kinds", KINDS_ONE_BY_ONE)));
        flows.addAll(totals);
        return onePayerPerBudget(flows);
    }

    /**
     * The kinds of flow the investor report adds up: an investor's own commitments, contributions and
     * distribution shares, and every investor's contributions (the fund's paid-in, the basis of the
     * residual split). It reads only these: the fund's other flows (outcome payments, budgets,
     * advances, rents: most of its rows) never enter an investor's figures.
     */
    private static final List<String> INVESTOR_KINDS = List.of(FlowKind.COMMITMENT.name(), FlowKind.CONTRIBUTION.name(),
            FlowKind.DISTRIBUTION.name());

    /** The flow kinds that perf_flow_total and perf_flow_period do not sum: always read one by one. */
    private static final List<String> KINDS_ONE_BY_ONE = Arrays.stream(FlowKind.values())
            .filter(k -> !FundPerformanceProjection.TOTALLED.contains(k)).map(Enum::name).toList();

    /**
     * The flows for the fund report as of a past date with the totalled kinds as their sums per month
     * ({@code perf_flow_period}, V209) before the month of {@code asOf} and one by one from its first
     * day, when every totalled flow of the fund was recorded by {@code knownAt} (so each month's sum
     * holds only flows in bounds); {@code null} otherwise, or when a budget is seen with two payers (as
     * {@link #flowsWithTotals}). At 1M events a fund had 1,617 flows and 483 monthly sums.
     */
    private List<FlowRow> flowsWithPeriods(String fundId, TimeTravel time) {
        if (time.asOf() == null) {
            return null;
        }
        boolean known = jdbc.sql("""
                        SELECT CASE WHEN COALESCE(MAX(last_recorded_at) <= :knownAt, TRUE) THEN 1 ELSE 0 END
                        FROM perf_flow_total WHERE fund_id = :fundId""")
                .param("fundId", fundId)
                .param("knownAt", utc(time.knownAt()))
                .query(Integer.class)
                .single() == 1;
        if (!known) {
            return null;
        }
        LocalDate monthStart = time.asOf().withDayOfMonth(1);
        List<FlowRow> flows = new ArrayList<>(flows(fundId, time, " AND (kind IN (:kinds) OR business_date >= :monthStart)",
                Map.of("kinds", KINDS_ONE_BY_ONE, "monthStart", monthStart)));
        jdbc.sql("""
                        SELECT kind, contract_id, budget_id, payer_id, SUM(amount) AS amount FROM perf_flow_period
                        WHERE fund_id = :fundId AND period_start < :monthStart
                        GROUP BY kind, contract_id, budget_id, payer_id""")
                .param("fundId", fundId)
                .param("monthStart", monthStart)
                .query(rs -> {
                    flows.add(new FlowRow(null, FlowKind.valueOf(rs.getString("kind")), null, emptyAsNull(rs.getString("contract_id")),
                            emptyAsNull(rs.getString("budget_id")), emptyAsNull(rs.getString("payer_id")), rs.getBigDecimal("amount").setScale(2),
                            null, null, null));
                });
        return onePayerPerBudget(flows);
    }

    /**
     * {@code flows}, or {@code null} when a budget is seen with two payers (the flow-by-flow report
     * names the later one; sums have no order).
     */
    private static List<FlowRow> onePayerPerBudget(List<FlowRow> flows) {
        Map<String, Set<String>> payersOfBudget = new HashMap<>();
        flows.stream().filter(f -> f.budgetId() != null && f.payerId() != null)
                .forEach(f -> payersOfBudget.computeIfAbsent(f.budgetId(), b -> new HashSet<>()).add(f.payerId()));
        return payersOfBudget.values().stream().anyMatch(payers -> payers.size() > 1) ? null : flows;
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private List<FlowRow> flows(String fundId, TimeTravel time) {
        return flows(fundId, time, "", Map.of());
    }

    private List<FlowRow> flows(String fundId, TimeTravel time, String filter, Map<String, ?> filterParams) {
        return jdbc.sql("""
                        SELECT event_id, line, kind, investor_id, contract_id, budget_id, payer_id, amount, return_of_capital, profit,
                            business_date
                        FROM perf_flow
                        WHERE fund_id = :fundId AND business_date <= :asOf AND recorded_at <= :knownAt""" + filter + """

                        ORDER BY business_date, recorded_at, event_id, line""")
                .params(filterParams)
                .param("fundId", fundId)
                .param("asOf", time.asOfOrEndOfTime())
                .param("knownAt", utc(time.knownAt()))
                .query((rs, row) -> new FlowRow(rs.getString("event_id"), FlowKind.valueOf(rs.getString("kind")),
                        rs.getString("investor_id"), rs.getString("contract_id"), rs.getString("budget_id"), rs.getString("payer_id"),
                        rs.getBigDecimal("amount").setScale(2), money(rs.getBigDecimal("return_of_capital")),
                        money(rs.getBigDecimal("profit")), rs.getObject("business_date", LocalDate.class)))
                .list();
    }

    private Valuation valuation(String fundId, TimeTravel time) {
        return jdbc.sql("""
                        SELECT event_id, net_asset_value, method, business_date, recorded_at FROM perf_valuation
                        WHERE fund_id = :fundId AND business_date <= :asOf AND recorded_at <= :knownAt
                        ORDER BY business_date DESC, sequence_number DESC
                        LIMIT 1""")
                .param("fundId", fundId)
                .param("asOf", time.asOfOrEndOfTime())
                .param("knownAt", utc(time.knownAt()))
                .query((rs, row) -> new Valuation(rs.getObject("business_date", LocalDate.class), rs.getBigDecimal("net_asset_value").setScale(2),
                        rs.getString("method"), rs.getString("event_id"), instant(rs, "recorded_at")))
                .optional()
                .orElse(null);
    }

    private static List<DatedFlow> dated(List<CashFlow> flows) {
        return flows.stream().map(f -> new DatedFlow(f.date(), f.amount())).toList();
    }

    private static BigDecimal sum(List<FlowRow> flows, FlowKind kind) {
        return sum(flows, kind, f -> true);
    }

    private static BigDecimal sum(List<FlowRow> flows, FlowKind kind, Predicate<FlowRow> which) {
        return flows.stream().filter(f -> f.kind() == kind).filter(which).map(FlowRow::amount).reduce(ZERO, BigDecimal::add);
    }

    private static BigDecimal returnOfCapital(List<FlowRow> flows, Predicate<FlowRow> which) {
        return flows.stream().filter(f -> f.kind() == FlowKind.DISTRIBUTION).filter(which).map(FlowRow::returnOfCapital)
                .reduce(ZERO, BigDecimal::add);
    }

    private static BigDecimal profit(List<FlowRow> flows, Predicate<FlowRow> which) {
        return flows.stream().filter(f -> f.kind() == FlowKind.DISTRIBUTION).filter(which).map(FlowRow::profit).reduce(ZERO, BigDecimal::add);
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2);
    }

    /** By date; on one date contributions first, then distributions, then the residual value; then by event. */
    private static final List<String> KIND_ORDER = List.of(CashFlow.CONTRIBUTION, CashFlow.DISTRIBUTION, CashFlow.RESIDUAL_VALUE);
    private static final Comparator<CashFlow> FLOW_ORDER = Comparator.comparing(CashFlow::date)
            .thenComparingInt(f -> KIND_ORDER.indexOf(f.kind()))
            .thenComparing(CashFlow::eventId);

    private record FundRow(String fundId, String name, String currency) {
    }

    /**
     * The flows' amounts added up in one pass: per kind, and per kind and contract, budget or investor, and the
     * distributions' return of capital and profit. Filtering every flow again for each contract, budget and
     * investor made the report's Java work grow with contracts × flows (time travel reads every flow of the fund
     * one by one). Amounts are at scale 2 and added exactly, so the sums are those of adding them flow by flow.
     */
    private static final class FlowSums {
        private final Map<FlowKind, BigDecimal> total = new EnumMap<>(FlowKind.class);
        private final Map<FlowKind, Map<String, BigDecimal>> perContract = new EnumMap<>(FlowKind.class);
        private final Map<FlowKind, Map<String, BigDecimal>> perBudget = new EnumMap<>(FlowKind.class);
        private final Map<FlowKind, Map<String, BigDecimal>> perInvestor = new EnumMap<>(FlowKind.class);
        private BigDecimal returnOfCapital = ZERO;
        private BigDecimal profit = ZERO;

        FlowSums(List<FlowRow> flows) {
            for (FlowRow f : flows) {
                total.merge(f.kind(), f.amount(), BigDecimal::add);
                add(perContract, f.kind(), f.contractId(), f.amount());
                add(perBudget, f.kind(), f.budgetId(), f.amount());
                add(perInvestor, f.kind(), f.investorId(), f.amount());
                if (f.kind() == FlowKind.DISTRIBUTION) {
                    returnOfCapital = returnOfCapital.add(f.returnOfCapital());
                    profit = profit.add(f.profit());
                }
            }
        }

        private static void add(Map<FlowKind, Map<String, BigDecimal>> sums, FlowKind kind, String key, BigDecimal amount) {
            if (key != null) {
                sums.computeIfAbsent(kind, k -> new HashMap<>()).merge(key, amount, BigDecimal::add);
            }
        }

        private static BigDecimal of(Map<FlowKind, Map<String, BigDecimal>> sums, FlowKind kind, String key) {
            Map<String, BigDecimal> ofKind = sums.get(kind);
            return ofKind == null ? ZERO : ofKind.getOrDefault(key, ZERO);
        }

        BigDecimal of(FlowKind kind) {
            return total.getOrDefault(kind, ZERO);
        }

        BigDecimal ofContract(FlowKind kind, String contractId) {
            return of(perContract, kind, contractId);
        }

        BigDecimal ofBudget(FlowKind kind, String budgetId) {
            return of(perBudget, kind, budgetId);
        }

        BigDecimal ofInvestor(FlowKind kind, String investorId) {
            return of(perInvestor, kind, investorId);
        }

        BigDecimal returnOfCapital() {
            return returnOfCapital;
        }

        BigDecimal profit() {
            return profit;
        }
    }

    private record FlowRow(String eventId, FlowKind kind, String investorId, String contractId, String budgetId, String payerId,
                           BigDecimal amount, BigDecimal returnOfCapital, BigDecimal profit, LocalDate date) {
    }
}

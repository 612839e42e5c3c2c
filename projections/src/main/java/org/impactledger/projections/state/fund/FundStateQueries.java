package org.impactledger.projections.state.fund;

import static org.impactledger.projections.state.JdbcValues.date;
import static org.impactledger.projections.state.JdbcValues.instant;
import static org.impactledger.projections.state.JdbcValues.money;
import static org.impactledger.projections.state.JdbcValues.plain;

import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.impactledger.core.fund.query.FindFund;
import org.impactledger.core.fund.query.FindFundBudgets;
import org.impactledger.core.fund.query.FindFundInvestors;
import org.impactledger.core.fund.query.FindPayerBudgets;
import org.impactledger.core.fund.query.ListFunds;
import org.impactledger.projections.state.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the typed fund queries from the {@code fund-state} tables.
 *
 * <p>A {@code Find…} for an unknown id answers {@code null} rather than an {@code Optional}: an
 * {@code Optional} does not survive the query bus's serialization when queries are distributed,
 * while a {@code null} payload does, and the caller turns it into a 404. Lists are ordered by id
 * so that pages are stable.
 */
@Component
public class FundStateQueries {

    private static final RowMapper<FundView> FUND = (rs, row) -> new FundView(
            rs.getString("fund_id"),
            rs.getString("name"),
            rs.getString("currency"),
            rs.getString("manager"),
            plain(rs, "return_cap_multiple"),
            money(rs, "committed"),
            money(rs, "called"),
            money(rs, "paid_in"),
            money(rs, "distributed"),
            money(rs, "advanced"),
            money(rs, "outcome_payments_received"),
            money(rs, "refunded"),
            money(rs, "property_acquisitions"),
            money(rs, "rent_income"),
            money(rs, "cash"),
            money(rs, "latest_nav"),
            date(rs, "latest_nav_date"),
            instant(rs, "opened_at"),
            rs.getLong("last_event_index"));

    private static final RowMapper<FundInvestorView> INVESTOR = (rs, row) -> new FundInvestorView(
            rs.getString("fund_id"),
            rs.getString("investor_id"),
            rs.getString("currency"),
            money(rs, "committed"),
            money(rs, "called"),
            money(rs, "paid_in"),
            money(rs, "returned_capital"),
            money(rs, "profit_distributed"));

    private static final RowMapper<BudgetView> BUDGET = (rs, row) -> new BudgetView(
            rs.getString("fund_id"),
            rs.getString("budget_id"),
            rs.getString("payer_id"),
            rs.getString("currency"),
            money(rs, "committed"),
            money(rs, "reserved"),
            money(rs, "paid"),
            rs.getString("nrrp_cup"),
            rs.getString("nrrp_measure"));

    private final JdbcClient jdbc;

    public FundStateQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the fund, or {@code null} when there is no such fund */
    @QueryHandler
    public FundView handle(FindFund query) {
        return jdbc.sql("SELECT * FROM fund_view WHERE fund_id = :fundId")
                .param("fundId", query.fundId().value())
                .query(FUND)
                .optional()
                .orElse(null);
    }

    @QueryHandler
    public FundPage handle(ListFunds query) {
        int size = Page.cappedSize(query.size());
        long total = jdbc.sql("SELECT COUNT(*) FROM fund_view").query(Long.class).single();
        List<FundView> items = jdbc.sql("SELECT * FROM fund_view ORDER BY fund_id LIMIT :limit OFFSET :offset")
                .param("limit", size)
                .param("offset", Page.offset(query.page(), size))
                .query(FUND)
                .list();
        return new FundPage(items, query.page(), size, total);
    }

    @QueryHandler
    public List<FundInvestorView> handle(FindFundInvestors query) {
        return jdbc.sql("""
                        SELECT i.*, f.currency FROM fund_investor_view i JOIN fund_view f ON f.fund_id = i.fund_id
                        WHERE i.fund_id = :fundId ORDER BY i.investor_id""")
                .param("fundId", query.fundId().value())
                .query(INVESTOR)
                .list();
    }

    @QueryHandler
    public List<BudgetView> handle(FindFundBudgets query) {
        return jdbc.sql("""
                        SELECT b.*, f.currency FROM fund_budget_view b JOIN fund_view f ON f.fund_id = b.fund_id
                        WHERE b.fund_id = :fundId ORDER BY b.budget_id""")
                .param("fundId", query.fundId().value())
                .query(BUDGET)
                .list();
    }

    /** Empty when the payer committed no budget in any fund: the ledger does not know it. */
    @QueryHandler
    public List<BudgetView> handle(FindPayerBudgets query) {
        return jdbc.sql("""
                        SELECT b.*, f.currency FROM fund_budget_view b JOIN fund_view f ON f.fund_id = b.fund_id
                        WHERE b.payer_id = :payerId ORDER BY b.fund_id, b.budget_id""")
                .param("payerId", query.payerId().value())
                .query(BUDGET)
                .list();
    }
}

package org.impactledger.projections.state.contract;

import static org.impactledger.projections.state.JdbcValues.date;
import static org.impactledger.projections.state.JdbcValues.instant;
import static org.impactledger.projections.state.JdbcValues.money;
import static org.impactledger.projections.state.JdbcValues.plain;

import java.util.Arrays;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.impactledger.core.contract.query.FindContract;
import org.impactledger.core.contract.query.FindOutcome;
import org.impactledger.core.contract.query.ListContracts;
import org.impactledger.core.contract.query.ListOutcomes;
import org.impactledger.core.contract.query.ListPayments;
import org.impactledger.core.contract.query.ProviderServesSubject;
import org.impactledger.projections.state.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the typed contract, outcome and payment queries from the {@code contract-state} tables.
 *
 * <p>A {@code Find…} for an unknown id answers {@code null} rather than an {@code Optional} (an
 * {@code Optional} does not survive the query bus's serialization when queries are distributed).
 * Every list has a total order, so pages never overlap or skip rows: contracts by id; outcomes by
 * outcome date, then outcome id; payments by outcome date, outcome id, then contract id.
 */
@Component
public class ContractStateQueries {

    private static final RowMapper<ContractView> CONTRACT = (rs, row) -> new ContractView(
            rs.getString("contract_id"),
            rs.getString("fund_id"),
            rs.getString("provider_id"),
            rs.getString("budget_id"),
            rs.getString("payer_id"),
            rs.getString("title"),
            rs.getString("currency"),
            date(rs, "start_date"),
            date(rs, "end_date"),
            money(rs, "cap"),
            money(rs, "approved_total"),
            money(rs, "paid_total"),
            ContractStatus.valueOf(rs.getString("status")),
            date(rs, "closed_on"),
            rs.getString("close_reason"),
            RateCards.fromJson(rs.getString("rate_card")),
            rs.getLong("outcome_count"),
            rs.getLong("last_event_index"));

    private static final RowMapper<OutcomeView> OUTCOME = (rs, row) -> new OutcomeView(
            rs.getString("contract_id"),
            rs.getString("outcome_id"),
            rs.getString("fund_id"),
            rs.getString("beneficiary_id"),
            rs.getString("metric_code"),
            rs.getString("period"),
            date(rs, "outcome_date"),
            plain(rs, "quantity"),
            plain(rs, "verified_quantity"),
            money(rs, "unit_price"),
            money(rs, "amount"),
            rs.getString("currency"),
            OutcomeStatus.valueOf(rs.getString("status")),
            rs.getString("evidence_reference"),
            rs.getString("evidence_sha256"),
            rs.getString("reported_by"),
            instant(rs, "reported_at"),
            rs.getString("verified_by"),
            instant(rs, "verified_at"),
            rs.getString("verification_note"),
            rs.getString("rejection_reason"),
            rs.getString("rejected_by"),
            instant(rs, "rejected_at"),
            rs.getString("approved_by"),
            instant(rs, "approved_at"),
            rs.getString("executed_by"),
            rs.getString("bank_reference"),
            instant(rs, "paid_at"),
            date(rs, "value_date"),
            rs.getString("reversal_reason"),
            rs.getString("reversed_by"),
            instant(rs, "reversed_at"),
            rs.getString("withdrawal_reason"),
            rs.getString("withdrawn_by"),
            instant(rs, "withdrawn_at"),
            sdgTargets(rs.getString("sdg_targets")));

    private final JdbcClient jdbc;

    public ContractStateQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the contract, or {@code null} when there is no such contract */
    @QueryHandler
    public ContractView handle(FindContract query) {
        return jdbc.sql("SELECT * FROM contract_view WHERE contract_id = :contractId")
                .param("contractId", query.contractId().value())
                .query(CONTRACT)
                .optional()
                .orElse(null);
    }

    @QueryHandler
    public ContractPage handle(ListContracts query) {
        int size = Page.cappedSize(query.size());
        String fundId = query.fundIdOrNull() == null ? null : query.fundIdOrNull().value();
        String providerId = query.providerIdOrNull() == null ? null : query.providerIdOrNull().value();
        String where = fundId == null ? "" : " WHERE fund_id = :fundId";
        if (providerId != null) {
            where += (where.isEmpty() ? " WHERE" : " AND") + " provider_id = :providerId";
        }
        long total = withProvider(withFund(jdbc.sql("SELECT COUNT(*) FROM contract_view" + where), fundId), providerId)
                .query(Long.class)
                .single();
        List<ContractView> items = withProvider(withFund(jdbc.sql("SELECT * FROM contract_view" + where
                        + " ORDER BY contract_id LIMIT :limit OFFSET :offset"), fundId), providerId)
                .param("limit", size)
                .param("offset", Page.offset(query.page(), size))
                .query(CONTRACT)
                .list();
        return new ContractPage(items, query.page(), size, total);
    }

    /** @return the outcome, or {@code null} when the contract has no such outcome */
    @QueryHandler
    public OutcomeView handle(FindOutcome query) {
        return jdbc.sql("SELECT * FROM outcome_view WHERE contract_id = :contractId AND outcome_id = :outcomeId")
                .param("contractId", query.contractId().value())
                .param("outcomeId", query.outcomeId().value())
                .query(OUTCOME)
                .optional()
                .orElse(null);
    }

    /** An unknown status filter is refused as bad input ({@code INVALID_VALUE} on field {@code status}). */
    @QueryHandler
    public OutcomePage handle(ListOutcomes query) {
        int size = Page.cappedSize(query.size());
        String status = query.statusOrNull() == null ? null : OutcomeStatus.parse(query.statusOrNull(), "status").name();
        String where = " WHERE contract_id = :contractId" + (status == null ? "" : " AND status = :status");
        JdbcClient.StatementSpec count = jdbc.sql("SELECT COUNT(*) FROM outcome_view" + where)
                .param("contractId", query.contractId().value());
        JdbcClient.StatementSpec select = jdbc.sql("SELECT * FROM outcome_view" + where
                        + " ORDER BY outcome_date, outcome_id LIMIT :limit OFFSET :offset")
                .param("contractId", query.contractId().value())
                .param("limit", size)
                .param("offset", Page.offset(query.page(), size));
        if (status != null) {
            count = count.param("status", status);
            select = select.param("status", status);
        }
        return new OutcomePage(select.query(OUTCOME).list(), query.page(), size, count.query(Long.class).single());
    }

    /** Whether the subject is the beneficiary of an outcome on one of the provider's contracts. */
    @QueryHandler
    public Boolean handle(ProviderServesSubject query) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM outcome_view o JOIN contract_view c ON c.contract_id = o.contract_id
                        WHERE o.beneficiary_id = :subjectId AND c.provider_id = :providerId""")
                .param("subjectId", query.subjectId().value())
                .param("providerId", query.providerId().value())
                .query(Long.class)
                .single() > 0;
    }

    /** Payments are the fund's outcomes that carry an amount: approved, or paid. */
    @QueryHandler
    public OutcomePage handle(ListPayments query) {
        int size = Page.cappedSize(query.size());
        String payerId = query.payerIdOrNull() == null ? null : query.payerIdOrNull().value();
        String where = " WHERE fund_id = :fundId AND amount IS NOT NULL"
                + (payerId == null ? "" : " AND contract_id IN (SELECT contract_id FROM contract_view WHERE payer_id = :payerId)");
        long total = withPayer(jdbc.sql("SELECT COUNT(*) FROM outcome_view" + where), payerId)
                .param("fundId", query.fundId().value())
                .query(Long.class)
                .single();
        List<OutcomeView> items = withPayer(jdbc.sql("SELECT * FROM outcome_view" + where
                        + " ORDER BY outcome_date, outcome_id, contract_id LIMIT :limit OFFSET :offset"), payerId)
                .param("fundId", query.fundId().value())
                .param("limit", size)
                .param("offset", Page.offset(query.page(), size))
                .query(OUTCOME)
                .list();
        return new OutcomePage(items, query.page(), size, total);
    }

    private static JdbcClient.StatementSpec withPayer(JdbcClient.StatementSpec spec, String payerId) {
        return payerId == null ? spec : spec.param("payerId", payerId);
    }

    private static JdbcClient.StatementSpec withProvider(JdbcClient.StatementSpec spec, String providerId) {
        return providerId == null ? spec : spec.param("providerId", providerId);
    }

    private static JdbcClient.StatementSpec withFund(JdbcClient.StatementSpec spec, String fundId) {
        return fundId == null ? spec : spec.param("fundId", fundId);
    }

    private static List<String> sdgTargets(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }
}

package org.impactledger.projections.payments;

import static org.impactledger.projections.state.JdbcValues.instant;
import static org.impactledger.projections.state.JdbcValues.plain;
import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.impactledger.projections.payments.PaymentChain.ApprovalStep;
import org.impactledger.projections.payments.PaymentChain.CorrectionStep;
import org.impactledger.projections.payments.PaymentChain.Event;
import org.impactledger.projections.payments.PaymentChain.ReportStep;
import org.impactledger.projections.payments.PaymentChain.TransferStep;
import org.impactledger.projections.payments.PaymentChain.VerificationStep;
import org.impactledger.projections.report.TimeTravel;
import org.impactledger.projections.state.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the payment audit queries from the {@code payment-audit} steps, taking only steps with
 * {@code business_date <= asOf AND recorded_at <= knownAt}: "as known at" the moment of an
 * approval, the chain shows exactly what that approval was based on.
 */
@Component
public class PaymentAuditQueries {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    /**
     * Each step's audit-trail row (its proof), for the chain of one payment (a page's summaries show no
     * proof and join none), by the step's global position, which is the chained event's index, and its
     * event id: the chain's primary key is under a third of the size of its index of event ids (22 MB
     * against 74 MB at 1M events), and a lookup took 0.007 ms by global index against 0.04 ms by event id
     * (bench/RESULTS.md, "sixth session"). A step projected without a position (never, by the tracking
     * processor) shows no proof.
     */
    private static final String PROOF = " LEFT JOIN audit_chain a ON a.global_index = s.global_position AND a.event_identifier = s.event_id ";

    private static final RowMapper<StepRow> STEP = (rs, row) -> new StepRow(
            AuditStepType.valueOf(rs.getString("step")),
            new Event(rs.getString("event_id"), nullableLong(rs, "global_position"), rs.getLong("sequence_number"), rs.getString("principal"),
                    rs.getString("role"), instant(rs, "recorded_at"), rs.getObject("business_date", LocalDate.class),
                    rs.getString("proof_event_hash"), rs.getString("proof_chain_hash")),
            rs.getString("fund_id"), rs.getString("contract_id"), rs.getString("outcome_id"), rs.getString("actor"),
            rs.getString("beneficiary_id"), rs.getString("metric_code"), rs.getString("period"), rs.getObject("outcome_date", LocalDate.class),
            plain(rs, "quantity"), rs.getString("evidence_reference"), rs.getString("evidence_sha256"), rs.getString("note"),
            money(rs, "unit_price"), money(rs, "amount"), rs.getString("currency"), rs.getString("bank_reference"),
            rs.getObject("value_date", LocalDate.class), nullableBoolean(rs, "was_executed"), rs.getString("reason"));

    private final JdbcClient jdbc;

    public PaymentAuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The page of payments. Without {@code asOf} it is read from {@code payment_audit_payment} (one
     * row per approved outcome, with its first approval's recording time; an outcome is in bounds
     * exactly when that time is not after {@code knownAt}), through the index of its filter: by
     * position ({@link #positionedPage}) when the list keeps positions and every payment of it is in
     * bounds, else by OFFSET or after the cursor. With {@code asOf}, from the payments' business
     * dates ({@link #datedPage}). All give the page of the approval steps in bounds grouped as they
     * always were ({@link #groupedPayments}).
     */
    @QueryHandler
    public PaymentPage handle(ListOutcomePayments query) {
        if (query.timeTravel().asOf() != null) {
            return datedPage(query);
        }
        PaymentList list = PaymentList.of(query);
        if (list != null) {
            PaymentPage page = positionedPage(query, list);
            if (page != null) {
                return page;
            }
        }
        return listedPage(query);
    }

    /** The page read from payment_audit_payment in the list's order, by OFFSET or after the cursor: any knownAt without asOf. */
    public PaymentPage listedPage(ListOutcomePayments query) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                SELECT contract_id, outcome_id, first_approved_at FROM payment_audit_payment WHERE first_approved_at <= :knownAt""");
        params.put("knownAt", utc(query.timeTravel().knownAt()));
        filters(query, sql, params, "");
        // the steps are still taken in the time bounds: asOf none, so business_date <= the end of time as before
        params.put("asOf", query.timeTravel().asOfOrEndOfTime());
        // every counted payment first approved by knownAt: the sum of the counts is the total; otherwise the rows are counted
        StringBuilder counted = new StringBuilder("""
                SELECT COALESCE(SUM(payments), 0) AS payments,
                    CASE WHEN COALESCE(MAX(last_first_approved_at) <= :knownAt, TRUE) THEN 1 ELSE 0 END AS covered
                FROM payment_audit_count WHERE payments > 0""");
        filters(query, counted, new LinkedHashMap<>(), "");
        Long total = jdbc.sql(counted.toString()).params(params)
                .query((rs, row) -> rs.getInt("covered") == 1 ? Long.valueOf(rs.getLong("payments")) : null)
                .list()
                .get(0);
        return page(query, sql.toString(), params, total, Page.offset(query.page(), Page.cappedSize(query.size())));
    }

    /**
     * The page of a list that keeps positions ({@link PaymentListPositions}), when {@code knownAt} is
     * not before the list's latest first approval (every payment of the list is in bounds; else
     * {@code null}): the payments at positions offset+1..offset+size, read by position, without
     * reading the payments before the page; the total is the list's count. The list's row and the
     * positions agree because the query bus reads every query in one snapshot (the ledger's
     * {@code QuerySnapshotTransactionManager}).
     */
    PaymentPage positionedPage(ListOutcomePayments query, PaymentList list) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kind", list.kind());
        params.put("listId", list.id());
        params.put("knownAt", utc(query.timeTravel().knownAt()));
        params.put("asOf", query.timeTravel().asOfOrEndOfTime());
        Map<String, Object> row = jdbc.sql("""
                        SELECT payments, CASE WHEN last_first_approved_at IS NULL OR last_first_approved_at <= :knownAt THEN 1 ELSE 0 END AS covered
                        FROM payment_audit_list WHERE scope_kind = :kind AND scope_id = :listId""")
                .params(params)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
        if (row == null || ((Number) row.get("covered")).intValue() != 1) {
            return null;
        }
        long payments = ((Number) row.get("payments")).longValue();
        int size = Page.cappedSize(query.size());
        long offset = Page.offset(query.page(), size);
        if (offset >= payments) {
            return new PaymentPage(List.of(), query.page(), size, payments, query.timeTravel().asOf(), query.timeTravel().knownAt(), null);
        }
        params.put("fromPosition", offset);
        params.put("toPosition", Math.min(payments, offset + size));
        return page(query, "SELECT contract_id, outcome_id, first_approved_at FROM payment_audit_payment WHERE " + list.positionColumn()
                + " > :fromPosition AND " + list.positionColumn() + " <= :toPosition" + list.filter(), params, payments, 0);
    }

    /**
     * The page as of a business date, any {@code knownAt}: the payments with a business date
     * ({@code approved_on}, V208) are in bounds exactly when it is not after {@code asOf} and their
     * first approval not after {@code knownAt}, and are read from {@code payment_audit_payment} in the
     * list's order, through the index of that order, only as many as the page needs; the few without
     * one (an approval back-dated before the first-recorded one) are grouped from their approval steps
     * in bounds, as {@link #groupedPayments} groups every payment, and the two are merged. (As one
     * {@code UNION ALL} under the page's ORDER BY and LIMIT, PostgreSQL 15 sorted every payment in
     * bounds: 93.7 ms for a page of every fund's at 1M events, bench/RESULTS.md, "fifteenth session".)
     * The total is summed from the list's counts per date ({@code payment_audit_day}) when the list
     * keeps them and {@code knownAt} is not before the latest first approval they count, plus the
     * payments without a date; otherwise the payments in bounds are counted.
     */
    public PaymentPage datedPage(ListOutcomePayments query) {
        int size = Page.cappedSize(query.size());
        long offset = Page.offset(query.page(), size);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("asOf", query.timeTravel().asOfOrEndOfTime());
        params.put("knownAt", utc(query.timeTravel().knownAt()));
        StringBuilder dated = new StringBuilder("FROM payment_audit_payment WHERE approved_on <= :asOf AND first_approved_at <= :knownAt");
        filters(query, dated, params, "");
        StringBuilder undated = new StringBuilder("""
                SELECT s.contract_id, s.outcome_id, MIN(s.recorded_at) AS first_approved_at
                FROM payment_audit_payment u JOIN payment_audit_step s ON s.contract_id = u.contract_id AND s.outcome_id = u.outcome_id
                WHERE u.approved_on IS NULL AND s.step = 'APPROVED' AND s.business_date <= :asOf AND s.recorded_at <= :knownAt""");
        filters(query, undated, params, "s.");
        undated.append(" GROUP BY s.contract_id, s.outcome_id");
        long undatedTotal = jdbc.sql("SELECT COUNT(*) FROM (" + undated + ") undated").params(params).query(Long.class).single();
        Long datedTotal = null;
        PaymentList list = PaymentList.ofFilters(query);
        if (list != null) {
            params.put("kind", list.kind());
            params.put("listId", list.id());
            datedTotal = jdbc.sql("""
                            SELECT COALESCE(SUM(payments), 0) AS payments,
                                CASE WHEN COALESCE(MAX(last_first_approved_at) <= :knownAt, TRUE) THEN 1 ELSE 0 END AS covered
                            FROM payment_audit_day WHERE scope_kind = :kind AND scope_id = :listId AND approved_on <= :asOf""")
                    .params(params)
                    .query((rs, row) -> rs.getInt("covered") == 1 ? Long.valueOf(rs.getLong("payments")) : null)
                    .list()
                    .get(0);
        }
        if (datedTotal == null) {
            datedTotal = jdbc.sql("SELECT COUNT(*) " + dated).params(params).query(Long.class).single();
        }
        String after = "";
        if (query.after() != null) {
            after = " AND (first_approved_at, contract_id, outcome_id) > (:afterApprovedAt, :afterContractId, :afterOutcomeId)";
            params.put("afterApprovedAt", utc(query.after().firstApprovedAt()));
            params.put("afterContractId", query.after().contractId());
            params.put("afterOutcomeId", query.after().outcomeId());
        }
        // the page is among the first offset + size of each part
        params.put("partLimit", offset + size);
        String payments = "SELECT * FROM (SELECT contract_id, outcome_id, first_approved_at " + dated + after
                + " ORDER BY first_approved_at, contract_id, outcome_id LIMIT :partLimit) dated";
        if (undatedTotal > 0) {
            payments += " UNION ALL SELECT * FROM (" + undated + ") undated WHERE 1 = 1" + after;
        }
        return page(query, payments, params, datedTotal + undatedTotal, offset, true);
    }

    /** The page grouped from the approval steps in bounds: any asOf and knownAt. */
    public PaymentPage groupedPayments(ListOutcomePayments query) {
        Map<String, Object> params = new LinkedHashMap<>();
        return page(query, approvedOutcomes(query, params), params, null, Page.offset(query.page(), Page.cappedSize(query.size())));
    }

    /**
     * The page of {@code payments} (contract_id, outcome_id, first_approved_at), after the cursor or
     * from {@code offset} in their order, and their number: {@code counted} if known, else counted here.
     */
    private PaymentPage page(ListOutcomePayments query, String payments, Map<String, Object> params, Long counted, long offset) {
        return page(query, payments, params, counted, offset, false);
    }

    /** @param afterApplied whether {@code payments} are already only those after the question's cursor */
    private PaymentPage page(ListOutcomePayments query, String payments, Map<String, Object> params, Long counted, long offset,
                             boolean afterApplied) {
        int size = Page.cappedSize(query.size());
        long total = counted != null ? counted
                : jdbc.sql("SELECT COUNT(*) FROM (" + payments + ") payments").params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", offset);
        String from = payments;
        if (query.after() != null && !afterApplied) {
            from = "SELECT * FROM (" + payments + ") listed"
                    + " WHERE (first_approved_at, contract_id, outcome_id) > (:afterApprovedAt, :afterContractId, :afterOutcomeId)";
            params.put("afterApprovedAt", utc(query.after().firstApprovedAt()));
            params.put("afterContractId", query.after().contractId());
            params.put("afterOutcomeId", query.after().outcomeId());
        }
        String page = "SELECT contract_id, outcome_id, first_approved_at, ROW_NUMBER() OVER (ORDER BY first_approved_at, contract_id, outcome_id)"
                + " AS page_position FROM (" + from + " ORDER BY first_approved_at, contract_id, outcome_id LIMIT :limit OFFSET :offset) paged";
        // one statement selects the page and its steps, so that events projected meanwhile cannot make the two disagree;
        // a summary shows no step's proof, so the audit trail is not joined here (only the chain of one payment shows it)
        Map<String, List<StepRow>> chains = new LinkedHashMap<>();
        Map<String, Long> positions = new HashMap<>();
        PaymentCursor[] last = {null};
        long[] lastPosition = {0};
        jdbc.sql("""
                        SELECT s.*, NULL AS proof_event_hash, NULL AS proof_chain_hash,
                            payments.first_approved_at AS page_first_approved_at, payments.page_position
                        FROM payment_audit_step s
                        JOIN (""" + page + """
                        ) payments ON payments.contract_id = s.contract_id AND payments.outcome_id = s.outcome_id
                        WHERE s.business_date <= :asOf AND s.recorded_at <= :knownAt
                        ORDER BY s.contract_id, s.outcome_id, s.sequence_number""")
                .params(params)
                .query((rs, row) -> {
                    long position = rs.getLong("page_position");
                    positions.put(key(rs.getString("contract_id"), rs.getString("outcome_id")), position);
                    if (position > lastPosition[0]) {
                        lastPosition[0] = position;
                        last[0] = new PaymentCursor(instant(rs, "page_first_approved_at"), rs.getString("contract_id"), rs.getString("outcome_id"));
                    }
                    return STEP.mapRow(rs, row);
                })
                .list()
                .forEach(step -> chains.computeIfAbsent(key(step.contractId(), step.outcomeId()), k -> new ArrayList<>()).add(step));
        // in the page's order as the database sorted it (its collation orders the ids, not Java's String.compareTo)
        List<PaymentSummary> items = chains.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<StepRow>> chain) -> positions.get(chain.getKey())))
                .map(chain -> summary(chain.getValue()))
                .toList();
        String nextCursor = items.size() == size && last[0] != null ? last[0].encode() : null;
        return new PaymentPage(items, query.page(), size, total, query.timeTravel().asOf(), query.timeTravel().knownAt(), nextCursor);
    }

    /** @return the chain, or {@code null} when the outcome has no approval within the bounds (it is not a payment then) */
    @QueryHandler
    public PaymentChain handle(FindPaymentChain query) {
        TimeTravel time = query.timeTravel();
        List<StepRow> steps = jdbc.sql("""
                        SELECT s.*, a.event_hash AS proof_event_hash, a.chain_hash AS proof_chain_hash FROM payment_audit_step s
                        """ + PROOF + """
                        WHERE s.contract_id = :contractId AND s.outcome_id = :outcomeId AND s.business_date <= :asOf AND s.recorded_at <= :knownAt
                        ORDER BY s.sequence_number""")
                .param("contractId", query.contractId().value())
                .param("outcomeId", query.outcomeId().value())
                .param("asOf", time.asOfOrEndOfTime())
                .param("knownAt", utc(time.knownAt()))
                .query(STEP)
                .list();
        if (steps.stream().noneMatch(s -> s.type() == AuditStepType.APPROVED)) {
            return null;
        }
        PaymentSummary summary = summary(steps);
        ReportStep report = null;
        VerificationStep verification = null;
        List<ApprovalStep> approvals = new ArrayList<>();
        List<TransferStep> transfers = new ArrayList<>();
        List<CorrectionStep> corrections = new ArrayList<>();
        for (StepRow s : steps) {
            switch (s.type()) {
                case REPORTED -> report = new ReportStep(s.event(), s.actor(), s.quantity(), s.evidenceReference(), s.evidenceSha256());
                case VERIFIED -> verification = new VerificationStep(s.event(), s.actor(), s.quantity(), s.note());
                case APPROVED -> approvals.add(new ApprovalStep(s.event(), s.actor(), s.quantity(), s.unitPrice(), s.amount(), s.currency()));
                case EXECUTED -> transfers.add(new TransferStep(s.event(), s.actor(), s.amount(), s.currency(), s.bankReference(), s.valueDate()));
                case REVERSED -> corrections.add(new CorrectionStep(s.event(), CorrectionStep.REVERSAL, s.actor(), s.reason(), s.amount(),
                        s.currency(), s.wasExecuted(), s.valueDate()));
                case WITHDRAWN -> corrections.add(new CorrectionStep(s.event(), CorrectionStep.WITHDRAWAL, s.actor(), s.reason(), null, null,
                        null, null));
            }
        }
        return new PaymentChain(summary.contractId(), summary.outcomeId(), summary.fundId(), summary.beneficiaryId(), summary.metricCode(),
                summary.period(), summary.outcomeDate(), summary.status(), summary.currency(), summary.approvedAmount(), summary.paidAmount(),
                time.asOf(), time.knownAt(), report, verification, approvals, transfers, corrections);
    }

    /** Outcomes with an approval in bounds, and when they were first approved. */
    private static String approvedOutcomes(ListOutcomePayments query, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("""
                SELECT contract_id, outcome_id, MIN(recorded_at) AS first_approved_at FROM payment_audit_step
                WHERE step = 'APPROVED' AND business_date <= :asOf AND recorded_at <= :knownAt""");
        params.put("asOf", query.timeTravel().asOfOrEndOfTime());
        params.put("knownAt", utc(query.timeTravel().knownAt()));
        filters(query, sql, params, "");
        return sql.append(" GROUP BY contract_id, outcome_id").toString();
    }

    /**
     * The list's filters: fund, contract, payer (columns of the same names in every table), on the
     * columns of {@code table} ({@code "s."}, or {@code ""} for none).
     */
    private static void filters(ListOutcomePayments query, StringBuilder sql, Map<String, Object> params, String table) {
        if (query.fundId() != null) {
            sql.append(" AND ").append(table).append("fund_id = :fundId");
            params.put("fundId", query.fundId().value());
        }
        if (query.contractId() != null) {
            sql.append(" AND ").append(table).append("contract_id = :contractId");
            params.put("contractId", query.contractId().value());
        }
        if (query.payerId() != null) {
            sql.append(" AND ").append(table).append("payer_id = :payerId");
            params.put("payerId", query.payerId().value());
        }
    }

    /**
     * The payment's standing from its steps in contract order: the last approval, transfer,
     * reversal or withdrawal decides the status; amounts are net of reversals.
     */
    private static PaymentSummary summary(List<StepRow> steps) {
        StepRow first = steps.get(0);
        StepRow reported = steps.stream().filter(s -> s.type() == AuditStepType.REPORTED).findFirst().orElse(null);
        PaymentStatus status = null;
        BigDecimal approved = ZERO;
        BigDecimal paid = ZERO;
        String currency = null;
        StepRow lastApproval = null;
        StepRow lastTransfer = null;
        for (StepRow s : steps) {
            switch (s.type()) {
                case APPROVED -> {
                    status = PaymentStatus.APPROVED;
                    approved = approved.add(s.amount());
                    currency = s.currency();
                    lastApproval = s;
                }
                case EXECUTED -> {
                    status = PaymentStatus.PAID;
                    paid = paid.add(s.amount());
                    lastTransfer = s;
                }
                case REVERSED -> {
                    status = PaymentStatus.REVERSED;
                    approved = approved.subtract(s.amount());
                    if (Boolean.TRUE.equals(s.wasExecuted())) {
                        paid = paid.subtract(s.amount());
                    }
                }
                case WITHDRAWN -> status = status == null ? null : PaymentStatus.WITHDRAWN;
                default -> {
                }
            }
        }
        return new PaymentSummary(first.contractId(), first.outcomeId(), first.fundId(),
                reported == null ? null : reported.beneficiaryId(), reported == null ? null : reported.metricCode(),
                reported == null ? null : reported.period(), reported == null ? null : reported.outcomeDate(), status, currency, approved, paid,
                reported == null ? null : reported.evidenceSha256(),
                lastApproval == null ? null : lastApproval.actor(), lastApproval == null ? null : lastApproval.event().recordedAt(),
                lastTransfer == null ? null : lastTransfer.bankReference(), lastTransfer == null ? null : lastTransfer.valueDate());
    }

    private static String key(String contractId, String outcomeId) {
        return contractId + '\u0000' + outcomeId;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(2);
    }

    private record StepRow(AuditStepType type, Event event, String fundId, String contractId, String outcomeId, String actor,
                           String beneficiaryId, String metricCode, String period, LocalDate outcomeDate, BigDecimal quantity,
                           String evidenceReference, String evidenceSha256, String note, BigDecimal unitPrice, BigDecimal amount,
                           String currency, String bankReference, LocalDate valueDate, Boolean wasExecuted, String reason) {
    }
}

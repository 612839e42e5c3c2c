package org.impactledger.projections.payments;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps each payment's position in the lists of every payment, of its fund and of its payer
 * ({@link PaymentList}, {@code payment_audit_list}), so that a page asked by number is read by
 * position instead of skipping every payment before it. Called by {@link PaymentAuditProjection} in
 * the approval's transaction, when a payment is listed or its first approval moves earlier.
 *
 * <p>Why positions are not always exact at once: the list's order is the time of the first approval,
 * and approvals reach the projection in the order of the event stream, which is nearly but not
 * exactly the order of their recording times (two units of work recording side by side commit one
 * after the other). A payment recorded later than every listed one (almost all of them) is appended
 * at the next position. One that belongs before listed payments would move all of them one place on,
 * so it is not given a position; the list remembers the earliest such payment ({@code unordered_*}),
 * before which every position stays exact ({@code ordered_payments}); and when more than
 * {@link #UNORDERED_LIMIT} payments are at or after it, they are numbered in one pass (at most that
 * many rows for that many payments). A page whose positions are exact is read by position; from the
 * unordered payment on it is read in the list's order from there, at most that many rows.
 *
 * <p>Concurrency: a payment's lists' rows are locked in one statement in the order of their keys, the
 * list of every payment first, so segments of the processing group that list payments at the same
 * time wait for one another and never deadlock. (Two segments listing the first payment of a list
 * at once, its row not there yet: one insert of the row fails on the primary key, and that batch is
 * rolled back and handled again.)
 *
 * <p>Comparisons of keys are made by the database, never in Java: its collation orders the ids.
 */
final class PaymentListPositions {

    /** Payments at or after the earliest unordered one that are left unnumbered before they are numbered at once. */
    static final int UNORDERED_LIMIT = 256;

    private final JdbcClient jdbc;
    private final int unorderedLimit;

    PaymentListPositions(JdbcClient jdbc, int unorderedLimit) {
        if (unorderedLimit < 1) {
            throw new IllegalArgumentException("unorderedLimit must be 1 or more, was " + unorderedLimit);
        }
        this.jdbc = jdbc;
        this.unorderedLimit = unorderedLimit;
    }

    /** A payment's place in the list's order. */
    record Key(LocalDateTime firstApprovedAt, String contractId, String outcomeId) {
    }

    /**
     * Places a payment in {@code lists} (the list of every payment first, if at all): {@code added}
     * when it is new to them, otherwise its first approval moved earlier (its row already updated).
     * Locks the lists' rows, works out which positions are exact, hands them to {@code write} (which
     * inserts or updates the payment's row with them; position column to position, only the exact
     * ones), then updates the lists and numbers those with too many unordered payments.
     */
    void place(Key key, List<PaymentList> lists, boolean added, Consumer<Map<String, Long>> write) {
        Map<String, ListRow> rows = lock(key, lists);
        Map<String, Long> positions = new LinkedHashMap<>();
        List<Runnable> updates = new ArrayList<>();
        List<PaymentList> toNumber = new ArrayList<>();
        boolean allAppended = added;
        for (PaymentList list : lists) {
            ListRow row = rows.get(list.kind() + '\u0000' + list.id());
            if (row == null) {
                // the list's first payment
                updates.add(() -> jdbc.sql("""
                                INSERT INTO payment_audit_list (scope_kind, scope_id, payments, ordered_payments, last_first_approved_at,
                                    last_contract_id, last_outcome_id)
                                VALUES (:kind, :listId, 1, 1, :at, :contractId, :outcomeId)""")
                        .params(params(list, key))
                        .update());
                positions.put(list.positionColumn(), 1L);
                allAppended = false;
                continue;
            }
            long payments = row.payments + (added ? 1 : 0);
            long ordered = row.ordered;
            boolean unorderedFromHere = false;
            if (added && !row.unordered && row.afterLast) {
                // the common case: after every listed payment, at the next position
                ordered++;
                positions.put(list.positionColumn(), ordered);
            } else {
                allAppended = false;
                if (!row.unordered || row.beforeUnordered) {
                    // before listed payments: the positions before it stay exact, the rest are numbered later
                    ordered = jdbc.sql("SELECT " + list.positionColumn() + " FROM payment_audit_payment WHERE 1 = 1" + list.filter()
                                    + " AND (first_approved_at, contract_id, outcome_id) < (:at, :contractId, :outcomeId)"
                                    + " ORDER BY first_approved_at DESC, contract_id DESC, outcome_id DESC LIMIT 1")
                            .params(params(list, key))
                            .query(Long.class)
                            .optional()
                            .orElse(0L);
                    unorderedFromHere = true;
                }
            }
            Map<String, Object> update = params(list, key);
            update.put("payments", payments);
            update.put("ordered", ordered);
            update.put("last", row.afterLast ? 1 : 0);
            update.put("unordered", unorderedFromHere ? 1 : 0);
            updates.add(() -> jdbc.sql("""
                            UPDATE payment_audit_list SET payments = :payments, ordered_payments = :ordered,
                                last_first_approved_at = CASE WHEN :last = 1 THEN :at ELSE last_first_approved_at END,
                                last_contract_id = CASE WHEN :last = 1 THEN :contractId ELSE last_contract_id END,
                                last_outcome_id = CASE WHEN :last = 1 THEN :outcomeId ELSE last_outcome_id END,
                                unordered_first_approved_at = CASE WHEN :unordered = 1 THEN :at ELSE unordered_first_approved_at END,
                                unordered_contract_id = CASE WHEN :unordered = 1 THEN :contractId ELSE unordered_contract_id END,
                                unordered_outcome_id = CASE WHEN :unordered = 1 THEN :outcomeId ELSE unordered_outcome_id END
                            WHERE scope_kind = :kind AND scope_id = :listId""")
                    .params(update)
                    .update());
            if (payments - ordered > unorderedLimit) {
                toNumber.add(list);
            }
        }
        write.accept(positions);
        if (allAppended) {
            // appended to every list (almost every payment): one statement for all of them
            Map<String, Object> params = params(PaymentList.ALL, key);
            jdbc.sql("""
                            UPDATE payment_audit_list SET payments = payments + 1, ordered_payments = ordered_payments + 1,
                                last_first_approved_at = :at, last_contract_id = :contractId, last_outcome_id = :outcomeId
                            WHERE""" + where(lists, params))
                    .params(params)
                    .update();
        } else {
            updates.forEach(Runnable::run);
        }
        toNumber.forEach(this::number);
    }

    /**
     * Numbers the payments of {@code list} from its earliest unordered one on, in the list's order,
     * writing only the positions that change; every position of the list is exact afterwards.
     */
    void number(PaymentList list) {
        Map<String, Object> listParams = new LinkedHashMap<>();
        listParams.put("kind", list.kind());
        listParams.put("listId", list.id());
        Map<String, Object> state = jdbc.sql("""
                        SELECT payments, ordered_payments, unordered_first_approved_at, unordered_contract_id, unordered_outcome_id
                        FROM payment_audit_list WHERE scope_kind = :kind AND scope_id = :listId""")
                .params(listParams)
                .query()
                .singleRow();
        if (state.get("unordered_contract_id") == null) {
            return;
        }
        long payments = ((Number) state.get("payments")).longValue();
        long ordered = ((Number) state.get("ordered_payments")).longValue();
        Map<String, Object> params = new LinkedHashMap<>(listParams);
        params.put("at", state.get("unordered_first_approved_at"));
        params.put("contractId", state.get("unordered_contract_id"));
        params.put("outcomeId", state.get("unordered_outcome_id"));
        params.put("ordered", ordered);
        // the first column's bound repeats what the row comparison says: PostgreSQL estimates how many rows a
        // row comparison keeps only roughly (a third of the table), and scanned every payment for it;
        // with the bound on first_approved_at it reads the list's index from there (bench/RESULTS.md, "fifth session")
        String unordered = "FROM payment_audit_payment WHERE 1 = 1" + list.filter()
                + " AND first_approved_at >= :at AND (first_approved_at, contract_id, outcome_id) >= (:at, :contractId, :outcomeId)";
        long numbered = jdbc.sql("SELECT COUNT(*) " + unordered).params(params).query(Long.class).single();
        if (ordered + numbered != payments) {
            throw new IllegalStateException("payment list " + list.kind() + " '" + list.id() + "' counts " + payments
                    + " payments but holds " + (ordered + numbered));
        }
        // one statement (PostgreSQL 15 and H2 both have MERGE), writing only the positions that change
        String position = list.positionColumn();
        jdbc.sql("MERGE INTO payment_audit_payment p USING (SELECT contract_id, outcome_id, CAST(:ordered AS BIGINT)"
                        + " + ROW_NUMBER() OVER (ORDER BY first_approved_at, contract_id, outcome_id) AS position " + unordered + ") n"
                        + " ON (p.contract_id = n.contract_id AND p.outcome_id = n.outcome_id)"
                        + " WHEN MATCHED AND (p." + position + " IS NULL OR p." + position + " <> n.position)"
                        + " THEN UPDATE SET " + position + " = n.position")
                .params(params)
                .update();
        jdbc.sql("""
                        UPDATE payment_audit_list SET ordered_payments = payments, unordered_first_approved_at = NULL,
                            unordered_contract_id = NULL, unordered_outcome_id = NULL
                        WHERE scope_kind = :kind AND scope_id = :listId""")
                .params(listParams)
                .update();
    }

    /**
     * The lists' rows (by kind and id), locked until the transaction ends, in the order of their
     * keys (the list of every payment first): two transactions never wait for each other crosswise.
     * Also where the key stands to each list's last and earliest unordered payment.
     */
    private Map<String, ListRow> lock(Key key, List<PaymentList> lists) {
        Map<String, Object> params = params(PaymentList.ALL, key);
        Map<String, ListRow> rows = new HashMap<>();
        jdbc.sql("""
                        SELECT scope_kind, scope_id, payments, ordered_payments,
                            CASE WHEN last_first_approved_at IS NULL
                                OR (last_first_approved_at, last_contract_id, last_outcome_id) < (:at, :contractId, :outcomeId)
                                THEN 1 ELSE 0 END AS after_last,
                            CASE WHEN unordered_first_approved_at IS NULL THEN -1
                                WHEN (unordered_first_approved_at, unordered_contract_id, unordered_outcome_id) > (:at, :contractId, :outcomeId)
                                THEN 1 ELSE 0 END AS before_unordered
                        FROM payment_audit_list WHERE""" + where(lists, params) + """
                         ORDER BY scope_kind, scope_id FOR UPDATE""")
                .params(params)
                .query(rs -> {
                    rows.put(rs.getString("scope_kind") + '\u0000' + rs.getString("scope_id"), new ListRow(rs.getLong("payments"),
                            rs.getLong("ordered_payments"), rs.getInt("after_last") == 1, rs.getInt("before_unordered") >= 0,
                            rs.getInt("before_unordered") == 1));
                });
        return rows;
    }

    /** {@code " (scope_kind = :kind0 AND scope_id = :listId0) OR ..."} for the lists' rows, binding their keys into {@code params}. */
    private static String where(List<PaymentList> lists, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < lists.size(); i++) {
            where.append(i == 0 ? " " : " OR ").append("(scope_kind = :kind").append(i).append(" AND scope_id = :listId").append(i).append(')');
            params.put("kind" + i, lists.get(i).kind());
            params.put("listId" + i, lists.get(i).id());
        }
        return where.toString();
    }

    private static Map<String, Object> params(PaymentList list, Key key) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("kind", list.kind());
        params.put("listId", list.id());
        params.put("at", key.firstApprovedAt());
        params.put("contractId", key.contractId());
        params.put("outcomeId", key.outcomeId());
        return params;
    }

    private record ListRow(long payments, long ordered, boolean afterLast, boolean unordered, boolean beforeUnordered) {
    }
}

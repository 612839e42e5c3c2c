package org.impactledger.projections.payments;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.impactledger.infra.jdbc.Databases;
import org.impactledger.infra.jdbc.JdbcBatches;
import org.impactledger.projections.state.BatchLookups;
import org.impactledger.projections.state.TableStatistics;
import org.impactledger.projections.state.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Lists the outcome payments a batch of approvals brings ({@code payment_audit_payment}), keeps the
 * contracts' counts ({@code payment_audit_count}) and each payment's exact position in the lists of
 * every payment, of its fund and of its payer ({@link PaymentList}, {@code payment_audit_list}), so
 * that a page asked by number is read by position instead of skipping every payment before it,
 * and each payment's business date with the lists' counts per date ({@code approved_on},
 * {@code payment_audit_day}: {@link #date}), so that a page as of a past date is read in the list's
 * order and counted from a few rows per day. Called by {@link PaymentAuditWrites} once per batch, in
 * the batch's transaction.
 *
 * <h2>Positions: renumbered per batch from the earliest payment it places</h2>
 * A list's order is the time of the first approval, and approvals reach the projection in the order of
 * the event stream, which is nearly but not exactly the order of their recording times (two units of
 * work recording side by side commit one after the other). Every position is exact after each batch:
 * for each list the batch changes, the payments first approved at or after the earliest time the batch
 * places in it are numbered again (one read per kind of list), and only the positions that change are
 * written (one update per payment, whatever the lists it moves in). Before that time the payments
 * are the same as before the batch and keep their (exact) positions; so a payment at or after it is at {@code payments - (payments at or after it) + (its rank
 * among them)}, where {@code payments} is the list's count after the batch. Approvals nearly in order
 * renumber about the batch's own payments; one recorded much earlier than the payments listed already
 * (a clock set back) renumbers those after it, once.
 *
 * <p>Only times are compared in Java; the order of ids (which depends on the database's collation) is
 * left to the database: the renumbering starts at a time, not at a payment.
 *
 * <h2>Concurrency</h2>
 * The rows of the lists the batch changes are locked in one statement in the order of their keys (the
 * list of every payment first) before they are counted and renumbered, so segments of the processing
 * group that list payments at the same time wait for one another and never deadlock, and each numbers
 * the payments the other committed. (Two segments listing the first payment of a list at once, its row
 * not there yet: one insert of the row fails on the primary key, and that batch is rolled back and
 * handled again.) The counts per date are written after that, in the order of their keys, so segments
 * take those rows in one order too.
 */
final class PaymentListPositions {

    /** Lists of one kind in a batch up to which each is renumbered by a statement of its own. */
    static final int SEPARATE_LISTS = 4;

    private final JdbcTemplate jdbc;
    /**
     * Planner statistics of the listed payments while they fill: on a never-analyzed table the lookups
     * and renumbering by list were sequential scans of every payment (bench/RESULTS.md, "fifth session").
     */
    private final TableStatistics statistics;
    private final int separateLists;
    private Boolean postgreSql;

    /** @param separateLists lists of one kind in a batch up to which each is renumbered by a statement of its own ({@link #SEPARATE_LISTS}) */
    PaymentListPositions(JdbcTemplate jdbc, int separateLists) {
        this.jdbc = jdbc;
        this.separateLists = separateLists;
        this.statistics = new TableStatistics(jdbc, "payment_audit_payment");
    }

    /** The payments' table was emptied (a reset): see {@link TableStatistics#emptied()}. */
    void emptied() {
        statistics.emptied();
    }

    /**
     * An approval whose step is new: its outcome payment is listed, or first approved earlier, or gets
     * its payer, or changes its business date ({@code approved_on}).
     */
    record Approval(String contractId, String outcomeId, String fundId, String payerId, LocalDateTime recordedAt, LocalDate businessDate) {
    }

    private record OutcomeKey(String contractId, String outcomeId) {
    }

    private record Listed(String payerId, LocalDateTime firstApprovedAt, LocalDate approvedOn) {
    }

    /** A list's count on one business date ({@code payment_audit_day}). */
    private record DayKey(String kind, String id, LocalDate approvedOn) {
    }

    private record CountKey(String contractId, String fundId, String payerId) {
    }

    /** A list to renumber from a time on, and its count after the batch. */
    private record Renumbering(PaymentList list, Timestamp from, long total) {
    }

    /** A count's change: payments added (or moved away: negative) and the latest first approval among them. */
    private static final class CountChange {
        long delta;
        LocalDateTime latest;

        void add(long payments, LocalDateTime at) {
            delta += payments;
            latest = latest == null || at.isAfter(latest) ? at : latest;
        }
    }

    /** A list's change: payments added, and the earliest and latest first approval placed in it. */
    private static final class ListChange {
        long added;
        LocalDateTime from;
        LocalDateTime latest;

        void place(long payments, LocalDateTime at) {
            added += payments;
            from = from == null || at.isBefore(from) ? at : from;
            latest = latest == null || at.isAfter(latest) ? at : latest;
        }
    }

    /**
     * Lists the batch's approvals, in the order the projection received them: a payment is listed at
     * its first approval, first approved at the earliest of its approvals' recording times, with the
     * payer of its first approval that names one.
     */
    void list(List<Approval> approvals) {
        if (approvals.isEmpty()) {
            return;
        }
        Map<OutcomeKey, Approval> byOutcome = new LinkedHashMap<>();
        // outcomes whose business date is read back from their approval steps: approved more than once
        Set<OutcomeKey> dated = new HashSet<>();
        for (Approval approval : approvals) {
            OutcomeKey key = new OutcomeKey(approval.contractId(), approval.outcomeId());
            if (byOutcome.containsKey(key)) {
                dated.add(key);
            }
            byOutcome.merge(key, approval, (first, later) -> new Approval(
                    first.contractId(), first.outcomeId(), first.fundId(), first.payerId() != null ? first.payerId() : later.payerId(),
                    later.recordedAt().isBefore(first.recordedAt()) ? later.recordedAt() : first.recordedAt(), first.businessDate()));
        }
        Map<OutcomeKey, Listed> listed = listed(byOutcome.keySet());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Map<CountKey, CountChange> counts = new LinkedHashMap<>();
        Map<PaymentList, ListChange> lists = new LinkedHashMap<>();
        for (Map.Entry<OutcomeKey, Approval> entry : byOutcome.entrySet()) {
            Approval approval = entry.getValue();
            Listed before = listed.get(entry.getKey());
            if (before == null) {
                inserts.add(new Object[] {approval.contractId(), approval.outcomeId(), approval.fundId(), approval.payerId(),
                        Timestamp.valueOf(approval.recordedAt()), approval.businessDate()});
                count(counts, approval, approval.payerId(), 1, approval.recordedAt());
                for (PaymentList list : lists(approval.fundId(), approval.payerId())) {
                    lists.computeIfAbsent(list, l -> new ListChange()).place(1, approval.recordedAt());
                }
                continue;
            }
            dated.add(entry.getKey());
            boolean earlier = approval.recordedAt().isBefore(before.firstApprovedAt());
            LocalDateTime first = earlier ? approval.recordedAt() : before.firstApprovedAt();
            boolean gainsPayer = before.payerId() == null && approval.payerId() != null;
            if (!earlier && !gainsPayer) {
                continue;
            }
            updates.add(new Object[] {Timestamp.valueOf(first), approval.payerId(), approval.contractId(), approval.outcomeId()});
            if (earlier) {
                // approved earlier than its first approval so far (a clock set back): earlier in every list it is in
                for (PaymentList list : lists(approval.fundId(), before.payerId())) {
                    lists.computeIfAbsent(list, l -> new ListChange()).place(0, first);
                }
            }
            if (gainsPayer) {
                // a payment listed without a payer (from before V190) now has one: it moves to that payer's count and list
                count(counts, approval, null, -1, first);
                count(counts, approval, approval.payerId(), 1, first);
                lists.computeIfAbsent(PaymentList.payer(approval.payerId()), l -> new ListChange()).place(1, first);
            }
        }
        if (!inserts.isEmpty()) {
            JdbcBatches.update(jdbc, """
                            INSERT INTO payment_audit_payment (contract_id, outcome_id, fund_id, payer_id, first_approved_at, approved_on)
                            VALUES (?, ?, ?, ?, ?, ?)""", inserts,
                    new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.DATE});
            statistics.inserted(inserts.size());
        }
        if (!updates.isEmpty()) {
            JdbcBatches.update(jdbc, """
                            UPDATE payment_audit_payment SET first_approved_at = ?, payer_id = COALESCE(payer_id, ?)
                            WHERE contract_id = ? AND outcome_id = ?""", updates,
                    new int[] {Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
        }
        writeCounts(counts);
        if (!lists.isEmpty()) {
            number(lists);
        }
        date(byOutcome, listed, dated);
    }

    /**
     * Sets the business date ({@code approved_on}) of the outcomes approved more than once ({@code
     * dated}: read back from their approval steps, which the batch wrote already) and counts the
     * batch's payments per list and date ({@code payment_audit_day}): a payment leaves its former
     * date's counts and joins its new date's, in every list it is in. After {@link #number}, so that
     * the rows of the lists are locked first and in the same order by every segment.
     */
    private void date(Map<OutcomeKey, Approval> byOutcome, Map<OutcomeKey, Listed> listed, Set<OutcomeKey> dated) {
        Map<OutcomeKey, LocalDate> dates = new HashMap<>();
        byOutcome.forEach((key, approval) -> dates.put(key, approval.businessDate()));
        if (!dated.isEmpty()) {
            List<Object[]> updates = new ArrayList<>();
            BatchLookups.query(jdbc, """
                    SELECT s.contract_id, s.outcome_id, MIN(s.business_date) AS earliest,
                        MIN(CASE WHEN s.recorded_at = p.first_approved_at THEN s.business_date END) AS at_first
                    FROM UNNEST(?, ?) AS k (contract_id, outcome_id)
                    JOIN payment_audit_payment p ON p.contract_id = k.contract_id AND p.outcome_id = k.outcome_id
                    JOIN payment_audit_step s ON s.contract_id = k.contract_id AND s.outcome_id = k.outcome_id AND s.step = 'APPROVED'
                    GROUP BY s.contract_id, s.outcome_id""", rs -> {
                LocalDate earliest = rs.getObject("earliest", LocalDate.class);
                LocalDate atFirst = rs.getObject("at_first", LocalDate.class);
                // an approval back-dated before the first-recorded one: no date, the steps decide
                LocalDate date = earliest != null && earliest.equals(atFirst) ? atFirst : null;
                OutcomeKey key = new OutcomeKey(rs.getString("contract_id"), rs.getString("outcome_id"));
                dates.put(key, date);
                updates.add(new Object[] {date, key.contractId(), key.outcomeId()});
            }, dated.stream().map(OutcomeKey::contractId).toList(), dated.stream().map(OutcomeKey::outcomeId).toList());
            if (!updates.isEmpty()) {
                JdbcBatches.update(jdbc, "UPDATE payment_audit_payment SET approved_on = ? WHERE contract_id = ? AND outcome_id = ?", updates,
                        new int[] {Types.DATE, Types.VARCHAR, Types.VARCHAR});
            }
        }
        Map<DayKey, CountChange> days = new TreeMap<>(DAY_ORDER);
        byOutcome.forEach((key, approval) -> {
            Listed before = listed.get(key);
            LocalDateTime first = approval.recordedAt();
            String payer = approval.payerId();
            if (before != null) {
                if (before.approvedOn() != null) {
                    for (PaymentList list : lists(approval.fundId(), before.payerId())) {
                        days.computeIfAbsent(new DayKey(list.kind(), list.id(), before.approvedOn()), k -> new CountChange())
                                .add(-1, before.firstApprovedAt());
                    }
                }
                first = first.isBefore(before.firstApprovedAt()) ? first : before.firstApprovedAt();
                payer = before.payerId() != null ? before.payerId() : payer;
            }
            LocalDate date = dates.get(key);
            if (date != null) {
                LocalDateTime at = first;
                for (PaymentList list : lists(approval.fundId(), payer)) {
                    days.computeIfAbsent(new DayKey(list.kind(), list.id(), date), k -> new CountChange()).add(1, at);
                }
            }
        });
        days.values().removeIf(change -> change.delta == 0);
        List<Map.Entry<DayKey, CountChange>> changes = new ArrayList<>(days.entrySet());
        Upserts.updateOrInsert(jdbc, """
                        UPDATE payment_audit_day SET payments = payments + ?,
                            last_first_approved_at = CASE WHEN last_first_approved_at < ? THEN ? ELSE last_first_approved_at END
                        WHERE scope_kind = ? AND scope_id = ? AND approved_on = ?""",
                changes.stream().map(c -> new Object[] {c.getValue().delta, Timestamp.valueOf(c.getValue().latest),
                        Timestamp.valueOf(c.getValue().latest), c.getKey().kind(), c.getKey().id(), c.getKey().approvedOn()}).toList(),
                new int[] {Types.BIGINT, Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.DATE},
                "INSERT INTO payment_audit_day (scope_kind, scope_id, approved_on, payments, last_first_approved_at) VALUES (?, ?, ?, ?, ?)",
                changes.stream().map(c -> new Object[] {c.getKey().kind(), c.getKey().id(), c.getKey().approvedOn(), c.getValue().delta,
                        Timestamp.valueOf(c.getValue().latest)}).toList(),
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.BIGINT, Types.TIMESTAMP});
        // a date whose last payment moved away keeps no row (as if it had never had one)
        List<Object[]> left = changes.stream().filter(c -> c.getValue().delta < 0)
                .map(c -> new Object[] {c.getKey().kind(), c.getKey().id(), c.getKey().approvedOn()}).toList();
        if (!left.isEmpty()) {
            JdbcBatches.update(jdbc, "DELETE FROM payment_audit_day WHERE scope_kind = ? AND scope_id = ? AND approved_on = ? AND payments = 0", left,
                    new int[] {Types.VARCHAR, Types.VARCHAR, Types.DATE});
        }
    }

    private static final Comparator<DayKey> DAY_ORDER = Comparator.comparing(DayKey::kind).thenComparing(DayKey::id)
            .thenComparing(DayKey::approvedOn);

    /** The listed payments among {@code outcomes}. */
    private Map<OutcomeKey, Listed> listed(Set<OutcomeKey> outcomes) {
        Map<OutcomeKey, Listed> listed = new HashMap<>();
        BatchLookups.query(jdbc, """
                SELECT p.contract_id, p.outcome_id, p.payer_id, p.first_approved_at, p.approved_on FROM UNNEST(?, ?) AS k (contract_id, outcome_id)
                JOIN payment_audit_payment p ON p.contract_id = k.contract_id AND p.outcome_id = k.outcome_id""", rs -> {
            listed.put(new OutcomeKey(rs.getString("contract_id"), rs.getString("outcome_id")),
                    new Listed(rs.getString("payer_id"), rs.getTimestamp("first_approved_at").toLocalDateTime(),
                            rs.getObject("approved_on", LocalDate.class)));
        }, outcomes.stream().map(OutcomeKey::contractId).toList(), outcomes.stream().map(OutcomeKey::outcomeId).toList());
        return listed;
    }

    private static void count(Map<CountKey, CountChange> counts, Approval approval, String payerId, long delta, LocalDateTime at) {
        counts.computeIfAbsent(new CountKey(approval.contractId(), approval.fundId(), payerId == null ? "" : payerId), k -> new CountChange())
                .add(delta, at);
    }

    /** Adds the batch's payments to the contracts' counts (per fund and payer, {@code ''} for none): one update, else insert, per count. */
    private void writeCounts(Map<CountKey, CountChange> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<Map.Entry<CountKey, CountChange>> changes = new ArrayList<>(counts.entrySet());
        Upserts.updateOrInsert(jdbc, """
                        UPDATE payment_audit_count SET payments = payments + ?,
                            last_first_approved_at = CASE WHEN last_first_approved_at < ? THEN ? ELSE last_first_approved_at END
                        WHERE contract_id = ? AND fund_id = ? AND payer_id = ?""",
                changes.stream().map(c -> new Object[] {c.getValue().delta, Timestamp.valueOf(c.getValue().latest),
                        Timestamp.valueOf(c.getValue().latest), c.getKey().contractId(), c.getKey().fundId(), c.getKey().payerId()}).toList(),
                new int[] {Types.BIGINT, Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR},
                "INSERT INTO payment_audit_count (contract_id, fund_id, payer_id, payments, last_first_approved_at) VALUES (?, ?, ?, ?, ?)",
                changes.stream().map(c -> new Object[] {c.getKey().contractId(), c.getKey().fundId(), c.getKey().payerId(), c.getValue().delta,
                        Timestamp.valueOf(c.getValue().latest)}).toList(),
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.TIMESTAMP});
    }

    /**
     * Locks the changed lists' rows (in their keys' order), counts the batch's payments into them
     * (a list's first payments insert its row) and renumbers each from the earliest time the batch
     * placed in it: one read per kind of list, one update per payment whose positions change.
     */
    private void number(Map<PaymentList, ListChange> lists) {
        Map<PaymentList, Long> payments = lock(lists.keySet());
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        Map<String, List<Renumbering>> numbering = new LinkedHashMap<>();
        for (Map.Entry<PaymentList, ListChange> entry : lists.entrySet()) {
            PaymentList list = entry.getKey();
            ListChange change = entry.getValue();
            Long before = payments.get(list);
            long total = (before == null ? 0 : before) + change.added;
            if (before == null) {
                inserts.add(new Object[] {list.kind(), list.id(), total, Timestamp.valueOf(change.latest)});
            } else if (change.added != 0) {
                updates.add(new Object[] {total, Timestamp.valueOf(change.latest), Timestamp.valueOf(change.latest), list.kind(), list.id()});
            }
            numbering.computeIfAbsent(list.kind(), k -> new ArrayList<>()).add(new Renumbering(list, Timestamp.valueOf(change.from), total));
        }
        if (!inserts.isEmpty()) {
            JdbcBatches.update(jdbc, "INSERT INTO payment_audit_list (scope_kind, scope_id, payments, last_first_approved_at) VALUES (?, ?, ?, ?)",
                    inserts, new int[] {Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.TIMESTAMP});
        }
        if (!updates.isEmpty()) {
            JdbcBatches.update(jdbc, """
                            UPDATE payment_audit_list SET payments = ?,
                                last_first_approved_at = CASE WHEN last_first_approved_at IS NULL OR last_first_approved_at < ? THEN ?
                                    ELSE last_first_approved_at END
                            WHERE scope_kind = ? AND scope_id = ?""", updates,
                    new int[] {Types.BIGINT, Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR});
        }
        Map<OutcomeKey, Long[]> changed = new LinkedHashMap<>();
        numbering.values().forEach(numbered -> renumber(numbered, changed));
        if (!changed.isEmpty()) {
            JdbcBatches.update(jdbc, """
                            UPDATE payment_audit_payment SET list_position = COALESCE(?, list_position), fund_position = COALESCE(?, fund_position),
                                payer_position = COALESCE(?, payer_position)
                            WHERE contract_id = ? AND outcome_id = ?""",
                    changed.entrySet().stream().map(e -> new Object[] {e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getKey().contractId(),
                            e.getKey().outcomeId()}).toList(),
                    new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR});
        }
    }

    /**
     * The new positions in the lists of one kind, each list from its time on: the payments at or
     * after it take the positions after those before it ({@code total}, the list's count, minus how
     * many are at or after it), in the list's order. Only positions that change are added to
     * {@code changed} (per payment: its list, fund and payer positions, {@code null} where unchanged),
     * to be written with one update per payment whatever the lists it moves in.
     *
     * <p>How the payments are read: a list's time must reach the planner as a value it can compare with
     * the table's statistics, or it cannot tell how many payments lie after it and may read them all
     * (a join of the lists' times with the payments read every payment: 153 ms a batch at 1M events;
     * bench/RESULTS.md, "sixth session"). Up to {@value #SEPARATE_LISTS} lists of a kind (the list of
     * every payment is one, and most batches place payments of one or two funds and payers), each is
     * read by a statement of its own with its values as parameters. More than that, in one statement:
     * on PostgreSQL each list's payments are read through its index ({@code LATERAL}, kept apart from
     * the join by {@code OFFSET 0}), which for many lists is cheaper than reading every payment;
     * H2 has no {@code LATERAL} and takes the join.
     *
     * @param lists lists of one kind
     */
    private void renumber(List<Renumbering> lists, Map<OutcomeKey, Long[]> changed) {
        PaymentList sample = lists.get(0).list();
        int column = switch (sample.kind()) {
            case "ALL" -> 0;
            case "FUND" -> 1;
            default -> 2;
        };
        String position = sample.positionColumn();
        RowCallbackHandler collect = rs -> {
            long now = rs.getLong("position");
            long old = rs.getLong("old");
            if (rs.wasNull() || old != now) {
                changed.computeIfAbsent(new OutcomeKey(rs.getString("contract_id"), rs.getString("outcome_id")), k -> new Long[3])[column] = now;
            }
        };
        if (sample.column() == null || lists.size() <= separateLists) {
            // a few lists (the list of every payment is one): one statement each, its values as parameters the planner sees
            for (Renumbering list : lists) {
                List<Object> params = new ArrayList<>(List.of(list.total()));
                if (sample.column() != null) {
                    params.add(list.list().id());
                }
                params.add(list.from());
                jdbc.query("SELECT contract_id, outcome_id, " + position + " AS old, CAST(? AS BIGINT) - COUNT(*) OVER ()"
                        + " + ROW_NUMBER() OVER (ORDER BY first_approved_at, contract_id, outcome_id) AS position FROM payment_audit_payment"
                        + " WHERE " + (sample.column() == null ? "" : sample.column() + " = ? AND ") + "first_approved_at >= ?",
                        collect, params.toArray());
            }
            return;
        }
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Renumbering list : lists) {
            values.append(values.isEmpty() ? "" : ", ").append("(CAST(? AS VARCHAR(64)), CAST(? AS TIMESTAMP), CAST(? AS BIGINT))");
            params.addAll(List.of(list.list().id(), list.from(), list.total()));
        }
        String scope = sample.column();
        String payments = isPostgreSql()
                // OFFSET 0 keeps the subquery from being merged into a join
                ? " CROSS JOIN LATERAL (SELECT contract_id, outcome_id, first_approved_at, " + position + " AS old FROM payment_audit_payment p"
                        + " WHERE p." + scope + " = b.list_id AND p.first_approved_at >= b.from_at OFFSET 0) x"
                : " JOIN payment_audit_payment x ON x." + scope + " = b.list_id AND x.first_approved_at >= b.from_at";
        jdbc.query("SELECT x.contract_id, x.outcome_id, x." + (isPostgreSql() ? "old" : position + " AS old")
                + ", b.total - COUNT(*) OVER (PARTITION BY b.list_id)"
                + " + ROW_NUMBER() OVER (PARTITION BY b.list_id ORDER BY x.first_approved_at, x.contract_id, x.outcome_id) AS position"
                + " FROM (VALUES " + values + ") b (list_id, from_at, total)" + payments, collect, params.toArray());
    }

    private boolean isPostgreSql() {
        if (postgreSql == null) {
            postgreSql = Databases.isPostgreSql(jdbc);
        }
        return postgreSql;
    }

    /** The lists' counts (absent: no row yet), their rows locked until the transaction ends, in the order of their keys. */
    private Map<PaymentList, Long> lock(Set<PaymentList> lists) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (PaymentList list : lists) {
            where.append(where.isEmpty() ? "" : " OR ").append("(scope_kind = ? AND scope_id = ?)");
            params.add(list.kind());
            params.add(list.id());
        }
        Map<PaymentList, Long> payments = new HashMap<>();
        jdbc.query("SELECT scope_kind, scope_id, payments FROM payment_audit_list WHERE " + where + " ORDER BY scope_kind, scope_id FOR UPDATE",
                rs -> {
                    payments.put(PaymentList.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }, params.toArray());
        return payments;
    }

    /** The lists a payment of the fund and payer is in. */
    private static List<PaymentList> lists(String fundId, String payerId) {
        return payerId == null ? List.of(PaymentList.ALL, PaymentList.fund(fundId))
                : List.of(PaymentList.ALL, PaymentList.fund(fundId), PaymentList.payer(payerId));
    }
}

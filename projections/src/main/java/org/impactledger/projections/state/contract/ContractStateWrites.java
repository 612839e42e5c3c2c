package org.impactledger.projections.state.contract;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.impactledger.infra.jdbc.BatchInsert;
import org.impactledger.infra.jdbc.JdbcBatches;
import org.impactledger.projections.state.BatchWrites;
import org.impactledger.projections.state.TableStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a batch of contract events changes in {@code contract_view} and {@code outcome_view}, held
 * in memory while the batch is handled and written at its end in a few JDBC batches: one update
 * per contract and one insert or update per outcome, however many events of the batch touched it.
 *
 * <h2>Why the result is the same as writing event by event</h2>
 * The first event of a batch for a contract reads the contract's row with {@code SELECT ... FOR
 * UPDATE}: from then on until the batch's transaction ends no other transaction can change it, so
 * the row held here (its {@code last_event_index} above all) is the row in the database plus this
 * batch's changes. The idempotency guard ({@link #advance}) is decided on that row exactly as the
 * per-event {@code UPDATE ... WHERE last_event_index < :seq} decided it. Running sums are kept as
 * the sum of the batch's amounts and added in one {@code +}: amounts are money with two decimals,
 * so the sum is exact. Every outcome change sets columns to values (none adds to a column), so the
 * changes of one outcome merged in event order give the row that applying them one by one gives.
 * The contract's update also checks that {@code last_event_index} is still the value read: a
 * change by anyone else in between (there should be none) fails the batch instead of being lost,
 * and the processor then handles it again.
 */
final class ContractStateWrites implements BatchWrites.Held {

    private static final Logger log = LoggerFactory.getLogger(ContractStateWrites.class);

    /** Every column of {@code outcome_view} with its SQL type, in table order. */
    static final Map<String, Integer> OUTCOME_COLUMNS = new LinkedHashMap<>();

    static {
        String[] varchar = {"contract_id", "outcome_id", "fund_id", "beneficiary_id", "metric_code", "period"};
        for (String column : varchar) {
            OUTCOME_COLUMNS.put(column, Types.VARCHAR);
        }
        OUTCOME_COLUMNS.put("outcome_date", Types.DATE);
        OUTCOME_COLUMNS.put("quantity", Types.NUMERIC);
        OUTCOME_COLUMNS.put("verified_quantity", Types.NUMERIC);
        OUTCOME_COLUMNS.put("unit_price", Types.NUMERIC);
        OUTCOME_COLUMNS.put("amount", Types.NUMERIC);
        OUTCOME_COLUMNS.put("currency", Types.VARCHAR);
        OUTCOME_COLUMNS.put("status", Types.VARCHAR);
        OUTCOME_COLUMNS.put("evidence_reference", Types.VARCHAR);
        OUTCOME_COLUMNS.put("evidence_sha256", Types.VARCHAR);
        OUTCOME_COLUMNS.put("reported_by", Types.VARCHAR);
        OUTCOME_COLUMNS.put("reported_at", Types.TIMESTAMP);
        OUTCOME_COLUMNS.put("verified_by", Types.VARCHAR);
        OUTCOME_COLUMNS.put("verified_at", Types.TIMESTAMP);
        OUTCOME_COLUMNS.put("verification_note", Types.VARCHAR);
        OUTCOME_COLUMNS.put("rejection_reason", Types.VARCHAR);
        OUTCOME_COLUMNS.put("rejected_by", Types.VARCHAR);
        OUTCOME_COLUMNS.put("rejected_at", Types.TIMESTAMP);
        OUTCOME_COLUMNS.put("approved_by", Types.VARCHAR);
        OUTCOME_COLUMNS.put("approved_at", Types.TIMESTAMP);
        OUTCOME_COLUMNS.put("executed_by", Types.VARCHAR);
        OUTCOME_COLUMNS.put("bank_reference", Types.VARCHAR);
        OUTCOME_COLUMNS.put("paid_at", Types.TIMESTAMP);
        OUTCOME_COLUMNS.put("value_date", Types.DATE);
        OUTCOME_COLUMNS.put("reversal_reason", Types.VARCHAR);
        OUTCOME_COLUMNS.put("reversed_by", Types.VARCHAR);
        OUTCOME_COLUMNS.put("reversed_at", Types.TIMESTAMP);
        OUTCOME_COLUMNS.put("withdrawal_reason", Types.VARCHAR);
        OUTCOME_COLUMNS.put("withdrawn_by", Types.VARCHAR);
        OUTCOME_COLUMNS.put("withdrawn_at", Types.TIMESTAMP);
        OUTCOME_COLUMNS.put("sdg_targets", Types.VARCHAR);
    }

    private static final String INSERT_OUTCOME = "INSERT INTO outcome_view (" + String.join(", ", OUTCOME_COLUMNS.keySet())
            + ") VALUES (" + String.join(", ", OUTCOME_COLUMNS.keySet().stream().map(c -> "?").toList()) + ")";
    /** {@link #INSERT_OUTCOME} as COPY on PostgreSQL ({@link BatchInsert}). */
    private static final BatchInsert OUTCOME_INSERTS = BatchInsert.of(INSERT_OUTCOME, OUTCOME_COLUMNS.values().stream().mapToInt(Integer::intValue).toArray());

    private static final String INSERT_CONTRACT = """
            INSERT INTO contract_view (contract_id, fund_id, provider_id, budget_id, payer_id, title, currency,
                start_date, end_date, cap, approved_total, paid_total, status, closed_on, close_reason, rate_card,
                outcome_count, last_event_index)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] INSERT_CONTRACT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.DATE, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR,
            Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT};
    /** {@link #INSERT_CONTRACT} as COPY on PostgreSQL ({@link BatchInsert}). */
    private static final BatchInsert CONTRACT_INSERTS = BatchInsert.of(INSERT_CONTRACT, INSERT_CONTRACT_TYPES);

    private static final String UPDATE_CONTRACT = """
            UPDATE contract_view SET approved_total = approved_total + ?, paid_total = paid_total + ?,
                outcome_count = outcome_count + ?, status = ?, closed_on = ?, close_reason = ?, rate_card = ?,
                last_event_index = ?
            WHERE contract_id = ? AND last_event_index = ?""";
    private static final int[] UPDATE_CONTRACT_TYPES = {Types.NUMERIC, Types.NUMERIC, Types.BIGINT, Types.VARCHAR, Types.DATE,
            Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.BIGINT};

    private final JdbcTemplate jdbc;
    private final TableStatistics contractStatistics;
    private final TableStatistics outcomeStatistics;
    private final Map<String, Contract> contracts = new HashMap<>();
    private final Map<OutcomeKey, OutcomeChange> outcomes = new LinkedHashMap<>();

    ContractStateWrites(JdbcTemplate jdbc, TableStatistics contractStatistics, TableStatistics outcomeStatistics) {
        this.jdbc = jdbc;
        this.contractStatistics = contractStatistics;
        this.outcomeStatistics = outcomeStatistics;
    }

    /** One contract's row as this batch sees it: the stored row (locked) or a new one, with the batch's changes. */
    static final class Contract {
        final String contractId;
        final boolean exists;
        final boolean inserted;
        final long storedIndex;
        long lastEventIndex;
        boolean changed;
        Object[] insertValues;
        String currency;
        String status;
        LocalDate closedOn;
        String closeReason;
        String rateCard;
        BigDecimal approvedDelta = BigDecimal.ZERO;
        BigDecimal paidDelta = BigDecimal.ZERO;
        long outcomeCountDelta;

        private Contract(String contractId, boolean exists, boolean inserted, long storedIndex) {
            this.contractId = contractId;
            this.exists = exists;
            this.inserted = inserted;
            this.storedIndex = storedIndex;
            this.lastEventIndex = storedIndex;
        }

        void addApproved(BigDecimal amount) {
            approvedDelta = approvedDelta.add(amount);
        }

        void addPaid(BigDecimal amount) {
            paidDelta = paidDelta.add(amount);
        }
    }

    private record OutcomeKey(String contractId, String outcomeId) {
    }

    /** A new outcome row (all its columns) or the columns to set on a stored one. */
    private static final class OutcomeChange {
        final boolean insert;
        final Map<String, Object> columns;

        OutcomeChange(boolean insert, Map<String, Object> columns) {
            this.insert = insert;
            this.columns = columns;
        }
    }

    /** The contract's row as this batch sees it: {@code exists} is false when there is no such contract. */
    Contract contract(String contractId) {
        Contract contract = contracts.get(contractId);
        if (contract == null) {
            contract = load(contractId);
            contracts.put(contractId, contract);
        }
        return contract;
    }

    private Contract load(String contractId) {
        List<Contract> rows = jdbc.query("""
                        SELECT currency, status, closed_on, close_reason, rate_card, last_event_index
                        FROM contract_view WHERE contract_id = ? FOR UPDATE""",
                (rs, n) -> {
                    Contract c = new Contract(contractId, true, false, rs.getLong("last_event_index"));
                    c.currency = rs.getString("currency");
                    c.status = rs.getString("status");
                    c.closedOn = rs.getObject("closed_on", LocalDate.class);
                    c.closeReason = rs.getString("close_reason");
                    c.rateCard = rs.getString("rate_card");
                    return c;
                }, contractId);
        return rows.isEmpty() ? new Contract(contractId, false, false, -1) : rows.get(0);
    }

    /**
     * A contract signed in this batch: its row is inserted at the end with the batch's later changes.
     * {@code values} are the columns of {@link #INSERT_CONTRACT} up to {@code cap}, then the status,
     * the rate card and the sequence number.
     */
    void insertContract(String contractId, String currency, Object[] values, String status, String rateCard, long sequenceNumber) {
        Contract contract = new Contract(contractId, true, true, sequenceNumber);
        contract.insertValues = values;
        contract.currency = currency;
        contract.status = status;
        contract.rateCard = rateCard;
        contract.changed = true;
        contracts.put(contractId, contract);
    }

    /**
     * The idempotency guard: whether the event is newer than the last one applied to the contract, in
     * which case the contract's index moves to it and the caller makes the event's other changes.
     */
    boolean advance(Contract contract, long sequenceNumber) {
        if (!contract.exists) {
            log.warn("Skipped contract event #{} for contract {}, which has no row in contract_view", sequenceNumber, contract.contractId);
            return false;
        }
        if (sequenceNumber <= contract.lastEventIndex) {
            return false;
        }
        contract.lastEventIndex = sequenceNumber;
        contract.changed = true;
        return true;
    }

    /** A new outcome row; {@code columns} need not name the columns that stay NULL. */
    void insertOutcome(String contractId, String outcomeId, Map<String, Object> columns) {
        OutcomeKey key = new OutcomeKey(contractId, outcomeId);
        OutcomeChange pending = outcomes.get(key);
        if (pending != null && pending.insert) {
            throw new DuplicateKeyException("outcome " + outcomeId + " of contract " + contractId + " was already reported");
        }
        if (pending != null) {
            // an update of this outcome came first: write it before the insert, as event by event
            flush();
        }
        Map<String, Object> row = new HashMap<>(columns);
        row.put("contract_id", contractId);
        row.put("outcome_id", outcomeId);
        outcomes.put(key, new OutcomeChange(true, row));
    }

    /** Sets columns of an outcome (a new one of this batch, or a stored one). */
    void updateOutcome(String contractId, String outcomeId, Map<String, Object> columns) {
        OutcomeKey key = new OutcomeKey(contractId, outcomeId);
        OutcomeChange pending = outcomes.get(key);
        if (pending == null) {
            outcomes.put(key, new OutcomeChange(false, new LinkedHashMap<>(columns)));
        } else {
            pending.columns.putAll(columns);
        }
    }

    /** Writes everything held so far and starts afresh (the locks taken stay until the transaction ends). */
    @Override
    public void flush() {
        List<Object[]> contractInserts = new ArrayList<>();
        List<Object[]> contractUpdates = new ArrayList<>();
        for (Contract c : contracts.values()) {
            if (!c.changed) {
                continue;
            }
            if (c.inserted) {
                Object[] v = c.insertValues;
                contractInserts.add(new Object[] {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], c.approvedDelta,
                        c.paidDelta, c.status, c.closedOn, c.closeReason, c.rateCard, c.outcomeCountDelta, c.lastEventIndex});
            } else {
                contractUpdates.add(new Object[] {c.approvedDelta, c.paidDelta, c.outcomeCountDelta, c.status, c.closedOn,
                        c.closeReason, c.rateCard, c.lastEventIndex, c.contractId, c.storedIndex});
            }
        }
        if (!contractInserts.isEmpty()) {
            CONTRACT_INSERTS.run(jdbc, contractInserts);
        }
        contractStatistics.inserted(contractInserts.size());
        if (!contractUpdates.isEmpty()) {
            int[] counts = JdbcBatches.update(jdbc, UPDATE_CONTRACT, contractUpdates, UPDATE_CONTRACT_TYPES);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) {
                    throw new OptimisticLockingFailureException("contract " + contractUpdates.get(i)[8]
                            + " was changed by someone else while its events were being applied; the batch is to be handled again");
                }
            }
        }
        writeOutcomes();
        // what was written is now the stored row: later events of the batch start from it
        Map<String, Contract> written = new HashMap<>();
        contracts.forEach((id, c) -> written.put(id, c.exists ? stored(c) : c));
        contracts.clear();
        contracts.putAll(written);
        outcomes.clear();
    }

    private static Contract stored(Contract c) {
        Contract now = new Contract(c.contractId, true, false, c.lastEventIndex);
        now.currency = c.currency;
        now.status = c.status;
        now.closedOn = c.closedOn;
        now.closeReason = c.closeReason;
        now.rateCard = c.rateCard;
        return now;
    }

    private void writeOutcomes() {
        List<Object[]> inserts = new ArrayList<>();
        Map<List<String>, List<Object[]>> updatesBySet = new LinkedHashMap<>();
        Map<List<String>, List<OutcomeKey>> keysBySet = new HashMap<>();
        for (Map.Entry<OutcomeKey, OutcomeChange> e : outcomes.entrySet()) {
            OutcomeChange change = e.getValue();
            if (change.insert) {
                inserts.add(OUTCOME_COLUMNS.keySet().stream().map(change.columns::get).toArray());
            } else {
                List<String> set = List.copyOf(change.columns.keySet());
                Object[] values = new Object[set.size() + 2];
                int i = 0;
                for (String column : set) {
                    values[i++] = change.columns.get(column);
                }
                values[i++] = e.getKey().contractId();
                values[i] = e.getKey().outcomeId();
                updatesBySet.computeIfAbsent(set, s -> new ArrayList<>()).add(values);
                keysBySet.computeIfAbsent(set, s -> new ArrayList<>()).add(e.getKey());
            }
        }
        if (!inserts.isEmpty()) {
            OUTCOME_INSERTS.run(jdbc, inserts);
        }
        // before the updates, which find their rows by primary key only if the planner has statistics
        outcomeStatistics.inserted(inserts.size());
        for (Map.Entry<List<String>, List<Object[]>> e : updatesBySet.entrySet()) {
            List<String> set = e.getKey();
            String sql = "UPDATE outcome_view SET " + String.join(", ", set.stream().map(c -> c + " = ?").toList())
                    + " WHERE contract_id = ? AND outcome_id = ?";
            int[] types = new int[set.size() + 2];
            for (int i = 0; i < set.size(); i++) {
                types[i] = Objects.requireNonNull(OUTCOME_COLUMNS.get(set.get(i)), set.get(i));
            }
            types[set.size()] = Types.VARCHAR;
            types[set.size() + 1] = Types.VARCHAR;
            int[] counts = JdbcBatches.update(jdbc, sql, e.getValue(), types);
            List<OutcomeKey> keys = keysBySet.get(set);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    log.warn("Contract {} has no outcome {} to update", keys.get(i).contractId(), keys.get(i).outcomeId());
                }
            }
        }
    }
}

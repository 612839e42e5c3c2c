package org.impactledger.projections.nrrp;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.impactledger.projections.nrrp.NrrpReconciliation.Filter;
import org.impactledger.projections.nrrp.NrrpReconciliation.Matched;
import org.impactledger.projections.nrrp.NrrpReconciliationPage.KindTotal;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Discrepancy;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Kind;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Line;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.MatchLine;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.PlanMeasure;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.TargetLine;
import org.impactledger.projections.state.JdbcValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The materialised NRRP reconciliation (Flyway {@code V196}): writes a computed
 * {@link NrrpReconciliation} as a generation of rows and reads pages, summaries and whole reports
 * back from it. Reads run in one read-only repeatable-read transaction, so the pointer to the
 * current generation and the rows read under it belong to one snapshot.
 *
 * <p>Every value is read back in the form the computation gives it (amounts with two decimals,
 * quantities without trailing zeros, lists in their order), so a page read here equals the page
 * cut in memory from the computation ({@code NrrpMaterialisedReconciliationTest}).
 */
public class NrrpReconciliationStore {

    /** Joins the elements of a stored list (project ids, event ids, metric codes): none of them holds it. */
    static final String LIST_SEPARATOR = "\u001f";
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate reading;

    public NrrpReconciliationStore(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.template = template;
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
        this.reading.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** A generation's header: the instant it is known at, the read model position and fingerprint it was computed from. */
    public record Generation(long generation, Instant knownAt, Long position, String fingerprint, Instant computedAt, long computeMillis) {
    }

    // ---------------------------------------------------------------- reading

    /** The first page of the current generation's part selected by the filter; empty when there is no current generation. */
    public Optional<NrrpReconciliationPage> currentPage(Filter filter, int limit) {
        return reading.execute(status -> currentGeneration().flatMap(this::header).map(g -> read(g, filter, limit, 0, 0)));
    }

    /**
     * A page of the given generation, if it is still kept.
     *
     * @param parameter the cursor's query parameter, named when the generation is not known at that instant (a cursor not made here)
     */
    public Optional<NrrpReconciliationPage> page(long generation, Instant knownAt, Filter filter, int limit, long discrepanciesAfter, long matchesAfter,
                                                 String parameter) {
        return reading.execute(status -> header(generation).map(g -> {
            if (!g.knownAt().equals(knownAt)) {
                throw org.impactledger.core.shared.DomainException.invalid(parameter, parameter + " does not belong to the reconciliation it names");
            }
            return read(g, filter, limit, discrepanciesAfter, matchesAfter);
        }));
    }

    /** The whole current generation (every list whole, unfiltered); empty when there is none. */
    public Optional<NrrpReconciliation> current() {
        return reading.execute(status -> currentGeneration().flatMap(this::header).map(g -> {
            Map<String, Object> p = Map.of("g", g.generation());
            List<Line> lines = jdbc.sql("SELECT * FROM nrrp_recon_line WHERE generation = :g ORDER BY seq").params(p).query((rs, row) -> line(rs)).list();
            List<Discrepancy> discrepancies = jdbc.sql("SELECT * FROM nrrp_recon_discrepancy WHERE generation = :g ORDER BY seq").params(p)
                    .query((rs, row) -> discrepancy(rs)).list();
            List<Matched> matches = jdbc.sql("SELECT * FROM nrrp_recon_match WHERE generation = :g ORDER BY seq").params(p)
                    .query((rs, row) -> new Matched(match(rs), rs.getString("cup"), rs.getString("measure"))).list();
            List<TargetLine> targets = jdbc.sql("SELECT * FROM nrrp_recon_target WHERE generation = :g ORDER BY seq").params(p)
                    .query((rs, row) -> target(rs)).list();
            List<PlanMeasure> plan = jdbc.sql("SELECT * FROM nrrp_recon_plan_measure WHERE generation = :g ORDER BY seq").params(p)
                    .query((rs, row) -> planMeasure(rs)).list();
            return new NrrpReconciliation(null, g.knownAt(), lines, discrepancies, matches, targets, plan);
        }));
    }

    /** The current generation's number, if any. */
    public Optional<Long> currentGeneration() {
        return jdbc.sql("SELECT current_generation FROM nrrp_recon_state WHERE id = 1")
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, Long.class))).single();
    }

    public Optional<Generation> header(long generation) {
        return jdbc.sql("""
                        SELECT generation, known_at, read_model_position, fingerprint, computed_at, compute_ms FROM nrrp_recon_generation
                        WHERE generation = :g""")
                .param("g", generation)
                .query((rs, row) -> new Generation(rs.getLong("generation"), JdbcValues.instant(rs, "known_at"),
                        rs.getObject("read_model_position", Long.class), rs.getString("fingerprint"), JdbcValues.instant(rs, "computed_at"),
                        rs.getLong("compute_ms")))
                .optional();
    }

    private NrrpReconciliationPage read(Generation g, Filter filter, int limit, long discrepanciesAfter, long matchesAfter) {
        Map<String, Object> p = new HashMap<>();
        p.put("g", g.generation());
        StringBuilder where = new StringBuilder("generation = :g");
        if (filter.cup() != null) {
            where.append(" AND cup = :cup");
            p.put("cup", filter.cup());
        }
        if (filter.measure() != null) {
            where.append(" AND measure = :measure");
            p.put("measure", filter.measure());
        }
        List<Line> lines = jdbc.sql("SELECT * FROM nrrp_recon_line WHERE " + where + " ORDER BY seq").params(p).query((rs, row) -> line(rs)).list();

        Map<Kind, KindTotal> byKind = new TreeMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        jdbc.sql("SELECT item, code, SUM(items) AS items, SUM(amount) AS amount FROM nrrp_recon_total WHERE " + where + " GROUP BY item, code")
                .params(p)
                .query(rs -> {
                    if ("D".equals(rs.getString("item"))) {
                        Kind kind = Kind.valueOf(rs.getString("code"));
                        byKind.put(kind, new KindTotal(kind, rs.getLong("items"), rs.getBigDecimal("amount").setScale(2)));
                    } else {
                        byRule.put(rs.getString("code"), rs.getLong("items"));
                    }
                });

        Map<String, Object> page = new HashMap<>(p);
        page.put("limit", limit + 1);
        page.put("after", discrepanciesAfter);
        List<long[]> discrepancySeqs = new ArrayList<>();
        List<Discrepancy> discrepancies = new ArrayList<>(jdbc.sql("SELECT * FROM nrrp_recon_discrepancy WHERE " + where
                        + " AND seq > :after ORDER BY seq LIMIT :limit")
                .params(page)
                .query((rs, row) -> {
                    discrepancySeqs.add(new long[] {rs.getLong("seq")});
                    return discrepancy(rs);
                })
                .list());
        String discrepanciesNext = null;
        if (discrepancies.size() > limit) {
            discrepancies.remove(limit);
            discrepanciesNext = new NrrpCursor(NrrpCursor.DISCREPANCIES, g.generation(), g.knownAt(), null, discrepancySeqs.get(limit - 1)[0]).encode();
        }
        page.put("after", matchesAfter);
        List<long[]> matchSeqs = new ArrayList<>();
        List<MatchLine> matches = new ArrayList<>(jdbc.sql("SELECT * FROM nrrp_recon_match WHERE " + where + " AND seq > :after ORDER BY seq LIMIT :limit")
                .params(page)
                .query((rs, row) -> {
                    matchSeqs.add(new long[] {rs.getLong("seq")});
                    return match(rs);
                })
                .list());
        String matchesNext = null;
        if (matches.size() > limit) {
            matches.remove(limit);
            matchesNext = new NrrpCursor(NrrpCursor.MATCHES, g.generation(), g.knownAt(), null, matchSeqs.get(limit - 1)[0]).encode();
        }
        List<TargetLine> targets = jdbc.sql("SELECT * FROM nrrp_recon_target WHERE " + where + " ORDER BY seq").params(p)
                .query((rs, row) -> target(rs)).list();
        Map<String, Object> planParams = new HashMap<>();
        planParams.put("g", g.generation());
        String planWhere = "generation = :g";
        if (filter.measure() != null) {
            planWhere += " AND unique_code = :measure";
            planParams.put("measure", filter.measure());
        }
        List<PlanMeasure> plan = jdbc.sql("SELECT * FROM nrrp_recon_plan_measure WHERE " + planWhere + " ORDER BY seq").params(planParams)
                .query((rs, row) -> planMeasure(rs)).list();
        return new NrrpReconciliationPage(null, g.knownAt(), true, g.position(), limit, lines, NrrpReconciliation.summary(byKind, byRule),
                discrepancies, discrepanciesNext, matches, matchesNext, targets, plan);
    }

    private static Line line(java.sql.ResultSet rs) throws SQLException {
        return new Line(rs.getString("cup"), rs.getString("measure"), rs.getString("currency"), list(rs.getString("projects")),
                JdbcValues.money(rs, "allocated"), JdbcValues.money(rs, "committed"), JdbcValues.money(rs, "paid"), JdbcValues.money(rs, "reported"),
                JdbcValues.money(rs, "confirmed_by_bank"));
    }

    private static Discrepancy discrepancy(java.sql.ResultSet rs) throws SQLException {
        return new Discrepancy(Kind.valueOf(rs.getString("kind")), rs.getString("cup"), rs.getString("measure"), JdbcValues.money(rs, "amount"),
                rs.getString("detail"), list(rs.getString("event_ids")));
    }

    private static MatchLine match(java.sql.ResultSet rs) throws SQLException {
        return new MatchLine(rs.getString("statement_id"), rs.getString("entry_reference"), rs.getString("bank_entry_event_id"),
                rs.getString("payment_event_id"), rs.getString("match_rule"), JdbcValues.money(rs, "bank_amount"), JdbcValues.money(rs, "payment_amount"));
    }

    private static TargetLine target(java.sql.ResultSet rs) throws SQLException {
        BigDecimal achieved = rs.getBigDecimal("achieved").stripTrailingZeros();
        return new TargetLine(rs.getString("project_id"), rs.getString("target_id"), rs.getString("cup"), rs.getString("measure"),
                rs.getString("description"), rs.getBigDecimal("quantity").stripTrailingZeros(), rs.getObject("due_date", LocalDate.class),
                rs.getString("contract_id"), list(rs.getString("metric_codes")), achieved.signum() == 0 ? BigDecimal.ZERO : achieved,
                JdbcValues.money(rs, "progress_percent"), rs.getString("event_id"));
    }

    private static PlanMeasure planMeasure(java.sql.ResultSet rs) throws SQLException {
        return new PlanMeasure(rs.getString("plan_id"), rs.getString("measure"), rs.getString("unique_code"), rs.getString("mission"),
                rs.getString("component"), JdbcValues.money(rs, "amount"), rs.getString("currency"));
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(LIST_SEPARATOR, -1));
    }

    private static String join(List<String> values) {
        return String.join(LIST_SEPARATOR, values);
    }

    // ---------------------------------------------------------------- writing (inside the refresher's transaction)

    /** Locks the state row (refreshes on every node serialise on it) and gives the current generation. */
    Optional<Long> lockState() {
        return jdbc.sql("SELECT current_generation FROM nrrp_recon_state WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, Long.class))).single();
    }

    long nextGeneration() {
        return jdbc.sql("SELECT COALESCE(MAX(generation), 0) + 1 FROM nrrp_recon_generation").query(Long.class).single();
    }

    /** Writes the reconciliation as the given generation, makes it current, and deletes every generation before the previous one. */
    void write(long generation, NrrpReconciliation r, Long position, String fingerprint, Instant computedAt, long computeMillis) {
        jdbc.sql("""
                        INSERT INTO nrrp_recon_generation (generation, known_at, read_model_position, fingerprint, computed_at, compute_ms)
                        VALUES (:g, :knownAt, :position, :fingerprint, :computedAt, :ms)""")
                .param("g", generation)
                .param("knownAt", utc(r.knownAt()))
                .param("position", position, Types.BIGINT)
                .param("fingerprint", fingerprint)
                .param("computedAt", utc(computedAt))
                .param("ms", computeMillis)
                .update();
        batch("""
                INSERT INTO nrrp_recon_line (generation, seq, cup, measure, currency, projects, allocated, committed, paid, reported, confirmed_by_bank)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.lines(), (ps, seq, l) -> {
            ps.setString(3, l.cup());
            ps.setString(4, l.measure());
            ps.setString(5, l.currency());
            ps.setString(6, join(l.projects()));
            ps.setBigDecimal(7, l.allocated());
            ps.setBigDecimal(8, l.committed());
            ps.setBigDecimal(9, l.paid());
            ps.setBigDecimal(10, l.reported());
            ps.setBigDecimal(11, l.confirmedByBank());
        }, generation);
        batch("""
                INSERT INTO nrrp_recon_discrepancy (generation, seq, kind, cup, measure, amount, detail, event_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", r.discrepancies(), (ps, seq, d) -> {
            ps.setString(3, d.kind().name());
            ps.setString(4, d.cup());
            ps.setString(5, d.measure());
            ps.setBigDecimal(6, d.amount());
            ps.setString(7, d.detail());
            ps.setString(8, join(d.eventIds()));
        }, generation);
        batch("""
                INSERT INTO nrrp_recon_match (generation, seq, statement_id, entry_reference, bank_entry_event_id, payment_event_id, match_rule,
                    bank_amount, payment_amount, cup, measure)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.matches(), (ps, seq, m) -> {
            MatchLine l = m.match();
            ps.setString(3, l.statementId());
            ps.setString(4, l.entryReference());
            ps.setString(5, l.bankEntryEventId());
            ps.setString(6, l.paymentEventId());
            ps.setString(7, l.rule());
            ps.setBigDecimal(8, l.bankAmount());
            ps.setBigDecimal(9, l.paymentAmount());
            ps.setString(10, m.cup());
            ps.setString(11, m.measure());
        }, generation);
        batch("""
                INSERT INTO nrrp_recon_total (generation, seq, item, code, cup, measure, items, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                totals(r), (ps, seq, t) -> {
                    ps.setString(3, t.item());
                    ps.setString(4, t.code());
                    ps.setString(5, t.cup());
                    ps.setString(6, t.measure());
                    ps.setLong(7, t.count());
                    ps.setBigDecimal(8, t.amount());
                }, generation);
        batch("""
                INSERT INTO nrrp_recon_target (generation, seq, project_id, target_id, cup, measure, description, quantity, due_date, contract_id,
                    metric_codes, achieved, progress_percent, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.targets(), (ps, seq, t) -> {
            ps.setString(3, t.projectId());
            ps.setString(4, t.targetId());
            ps.setString(5, t.cup());
            ps.setString(6, t.measure());
            ps.setString(7, t.description());
            ps.setBigDecimal(8, t.quantity());
            ps.setObject(9, t.dueDate());
            ps.setString(10, t.contractId());
            ps.setString(11, join(t.metricCodes()));
            ps.setBigDecimal(12, t.achieved());
            ps.setBigDecimal(13, t.progressPercent());
            ps.setString(14, t.eventId());
        }, generation);
        batch("""
                INSERT INTO nrrp_recon_plan_measure (generation, seq, plan_id, measure, unique_code, mission, component, amount, currency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", r.planMeasures(), (ps, seq, m) -> {
            ps.setString(3, m.planId());
            ps.setString(4, m.measure());
            ps.setString(5, m.uniqueCode());
            ps.setString(6, m.mission());
            ps.setString(7, m.component());
            ps.setBigDecimal(8, m.amount());
            ps.setString(9, m.currency());
        }, generation);
        jdbc.sql("UPDATE nrrp_recon_state SET current_generation = :g WHERE id = 1").param("g", generation).update();
        for (String table : List.of("nrrp_recon_line", "nrrp_recon_discrepancy", "nrrp_recon_match", "nrrp_recon_total", "nrrp_recon_target",
                "nrrp_recon_plan_measure", "nrrp_recon_generation")) {
            jdbc.sql("DELETE FROM " + table + " WHERE generation < :keep").param("keep", generation - 1).update();
        }
    }

    private record Total(String item, String code, String cup, String measure, long count, BigDecimal amount) {
    }

    /** Counts and amounts per discrepancy kind and per match rule, per CUP and measure. */
    private static List<Total> totals(NrrpReconciliation r) {
        record Key(String item, String code, String cup, String measure) {
        }
        Map<Key, Total> totals = new LinkedHashMap<>();
        for (Discrepancy d : r.discrepancies()) {
            totals.merge(new Key("D", d.kind().name(), d.cup(), d.measure()), new Total("D", d.kind().name(), d.cup(), d.measure(), 1, d.amount()),
                    NrrpReconciliationStore::add);
        }
        for (Matched m : r.matches()) {
            totals.merge(new Key("M", m.match().rule(), m.cup(), m.measure()), new Total("M", m.match().rule(), m.cup(), m.measure(), 1,
                    m.match().bankAmount()), NrrpReconciliationStore::add);
        }
        return new ArrayList<>(totals.values());
    }

    private static Total add(Total a, Total b) {
        return new Total(a.item(), a.code(), a.cup(), a.measure(), a.count() + b.count(), a.amount().add(b.amount()));
    }

    private interface RowSetter<T> {
        void set(PreparedStatement ps, long seq, T item) throws SQLException;
    }

    /** Inserts the items in batches, each with the generation (parameter 1) and its 1-based place in the list as seq (parameter 2). */
    private <T> void batch(String sql, List<T> items, RowSetter<T> setter, long generation) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = from; i < Math.min(items.size(), from + BATCH); i++) {
                indexes.add(i);
            }
            ParameterizedPreparedStatementSetter<Integer> rows = (ps, i) -> {
                ps.setLong(1, generation);
                ps.setLong(2, i + 1L);
                setter.set(ps, i + 1L, items.get(i));
            };
            template.batchUpdate(sql, indexes, indexes.size(), rows);
        }
    }
}

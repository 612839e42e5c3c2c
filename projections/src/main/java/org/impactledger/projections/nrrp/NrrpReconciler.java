package org.impactledger.projections.nrrp;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.impactledger.core.nrrp.BankEntry;
import org.impactledger.core.nrrp.BankMatcher;
import org.impactledger.core.shared.Money;
import org.impactledger.projections.nrrp.NrrpReconciliation.Matched;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Discrepancy;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Kind;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Line;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.MatchLine;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.TargetLine;
import org.impactledger.projections.report.TimeTravel;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Computes the NRRP reconciliation from the {@code nrrp} facts known at {@code knownAt}
 * with a business date up to {@code asOf}: sums them per CUP and measure, replays the officers'
 * decisions, runs the deterministic {@link BankMatcher} and lists every discrepancy with the events
 * behind it. The rules (README, "NRRP reconciliation"):
 * <ul>
 *   <li>per CUP and measure with a registered project: paid but nothing reported
 *       ({@code PAID_NOT_REPORTED}); reported but nothing paid ({@code REPORTED_NOT_PAID}); both,
 *       different ({@code AMOUNT_MISMATCH}); paid or reported beyond the allocation
 *       ({@code BEYOND_ALLOCATION});</li>
 *   <li>a payment or a bank entry whose CUP no registered project has ({@code UNKNOWN_CUP});</li>
 *   <li>a debit bank entry matched to no payment ({@code BANK_ENTRY_WITHOUT_PAYMENT}); a payment
 *       matched to no bank entry ({@code PAYMENT_WITHOUT_BANK_ENTRY}); a matched pair whose amounts
 *       differ ({@code AMOUNT_MISMATCH}).</li>
 * </ul>
 * A refunded payment (its key has a REFUNDED fact) nets to zero and takes no part in matching.
 *
 * <p>The one computation behind every answer: a time-travel question is answered from it directly,
 * and the materialised reconciliation ({@link NrrpReconciliationRefresher}) is this same result
 * written to tables, so the two cannot differ.
 */
public class NrrpReconciler {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    /** A recording-time bound after every event: "everything the read model holds", whatever this node's clock says. */
    private static final Instant EVERYTHING_RECORDED = Instant.parse("9999-12-31T23:59:59Z");

    private final JdbcClient jdbc;
    private final NrrpPermits computations;

    /** One computation at a time; a question waits up to 30 s for it. */
    public NrrpReconciler(JdbcClient jdbc) {
        this(jdbc, 1, Duration.ofSeconds(30));
    }

    /**
     * @param permits how many computations may run at once on this node. Each holds every fact of its
     *                bounds in memory (at a million events, four at once ran a 256 MB heap out of memory):
     *                the permits bound the memory, not just the CPU
     * @param wait    how long a question waits for a permit before it is refused as busy
     */
    public NrrpReconciler(JdbcClient jdbc, int permits, Duration wait) {
        this.jdbc = jdbc;
        this.computations = new NrrpPermits(permits, wait, "computed");
    }

    record Fact(String eventId, String type, String projectId, String cup, String measure, BigDecimal amount, String currency,
                String reference, String detail, String bankReference, LocalDate businessDate) {
    }

    record Entry(String eventId, String statementId, String entryReference, LocalDate valueDate, BigDecimal amount, String currency,
                 String direction, String bankReference, String cup) {
        String key() {
            return statementId + "/" + entryReference;
        }
    }

    private record RowKey(String cup, String measure) implements Comparable<RowKey> {
        @Override
        public int compareTo(RowKey o) {
            return Comparator.comparing(RowKey::cup).thenComparing(RowKey::measure).compare(this, o);
        }
    }

    /**
     * The whole reconciliation (unfiltered) within these time bounds, every list in the report's order;
     * computed when a permit is free within the wait (first come, first served), else
     * {@link NrrpReconciliationBusyException}.
     */
    public NrrpReconciliation reconcile(TimeTravel time) {
        return withPermit(() -> compute(time));
    }

    /** Runs the work holding one of the permits (the way every computation runs). */
    <T> T withPermit(Supplier<T> work) {
        return computations.hold(work::get);
    }

    /**
     * The matches of every bank entry and payment the read model holds now (any business date, any
     * recording time), made by the same matcher from the same inputs as a reconciliation, without the
     * figures and discrepancies: what an officer's manual match is checked against. Computed holding
     * a permit, like a reconciliation (it reads every payment, entry and decision).
     */
    public List<FindNrrpBankMatches.Match> currentMatches() {
        return withPermit(() -> {
            Map<String, Object> bounds = Map.of("asOf", TimeTravel.END_OF_TIME, "knownAt", utc(EVERYTHING_RECORDED));
            List<Entry> entries = entries(bounds);
            Map<String, Entry> entryByKey = new HashMap<>();
            entries.forEach(e -> entryByKey.put(e.key(), e));
            return match(entries, payments(facts(bounds)), bounds).stream()
                    .map(m -> {
                        Entry e = entryByKey.get(m.lineKey());
                        return new FindNrrpBankMatches.Match(e.statementId(), e.entryReference(), m.paymentEventId(), m.rule().name());
                    })
                    .toList();
        });
    }

    private List<Fact> facts(Map<String, Object> bounds) {
        return jdbc.sql("""
                        SELECT event_id, fact_type, project_id, cup, measure, amount, currency, reference, detail, bank_reference, business_date
                        FROM nrrp_fact WHERE business_date <= :asOf AND recorded_at <= :knownAt
                        ORDER BY business_date, event_id""")
                .params(bounds)
                .query((rs, row) -> new Fact(rs.getString("event_id"), rs.getString("fact_type"), rs.getString("project_id"), rs.getString("cup"),
                        rs.getString("measure"), rs.getBigDecimal("amount").setScale(2), rs.getString("currency"), rs.getString("reference"),
                        rs.getString("detail"), rs.getString("bank_reference"), rs.getObject("business_date", LocalDate.class)))
                .list();
    }

    private List<Entry> entries(Map<String, Object> bounds) {
        return jdbc.sql("""
                        SELECT event_id, statement_id, entry_reference, value_date, amount, currency, direction, bank_reference, cup
                        FROM nrrp_bank_entry WHERE booking_date <= :asOf AND recorded_at <= :knownAt
                        ORDER BY statement_id, entry_reference""")
                .params(bounds)
                .query((rs, row) -> new Entry(rs.getString("event_id"), rs.getString("statement_id"), rs.getString("entry_reference"),
                        rs.getObject("value_date", LocalDate.class), rs.getBigDecimal("amount").setScale(2), rs.getString("currency"),
                        rs.getString("direction"), rs.getString("bank_reference"), rs.getString("cup")))
                .list();
    }

    /** The payments that take part in matching: every PAID fact whose payment has not been refunded since. */
    private static List<Fact> payments(List<Fact> facts) {
        Set<String> refunded = new HashSet<>();
        facts.stream().filter(f -> f.type().equals("REFUNDED")).forEach(f -> refunded.add(f.reference()));
        return facts.stream().filter(f -> f.type().equals("PAID") && !refunded.contains(f.reference())).toList();
    }

    /** Replays the officers' decisions within the bounds and runs the {@link BankMatcher} over these entries and payments. */
    private List<BankMatcher.Match> match(List<Entry> entries, List<Fact> payments, Map<String, Object> bounds) {
        // the officers' decisions, replayed in each statement's order, as the aggregate applies them
        Map<String, String> manual = new HashMap<>();
        Set<String> rejected = new HashSet<>();
        jdbc.sql("""
                        SELECT statement_id, entry_reference, payment_event_id, decision FROM nrrp_bank_decision
                        WHERE business_date <= :asOf AND recorded_at <= :knownAt ORDER BY statement_id, seq""")
                .params(bounds)
                .query((rs, row) -> new String[] {rs.getString("statement_id") + "/" + rs.getString("entry_reference"),
                        rs.getString("payment_event_id"), rs.getString("decision")})
                .list()
                .forEach(d -> {
                    if (d[2].equals("MATCH")) {
                        manual.put(d[0], d[1]);
                        rejected.remove(d[0] + " " + d[1]);
                    } else {
                        manual.remove(d[0], d[1]);
                        rejected.add(d[0] + " " + d[1]);
                    }
                });
        return BankMatcher.match(
                entries.stream().map(e -> new BankMatcher.Line(e.key(), e.valueDate(), Money.of(e.amount(), e.currency()), e.direction(),
                        e.bankReference(), e.cup(), manual.get(e.key()))).toList(),
                payments.stream().map(p -> new BankMatcher.Payment(p.eventId(), p.cup(), p.businessDate(), Money.of(p.amount(), p.currency()),
                        p.bankReference())).toList(),
                rejected);
    }

    private NrrpReconciliation compute(TimeTravel time) {
        Map<String, Object> bounds = Map.of("asOf", time.asOfOrEndOfTime(), "knownAt", utc(time.knownAt()));
        List<Fact> facts = facts(bounds);
        List<Entry> entries = entries(bounds);
        List<Fact> payments = payments(facts);
        Map<String, Fact> paymentById = new HashMap<>();
        payments.forEach(p -> paymentById.put(p.eventId(), p));
        List<BankMatcher.Match> matches = match(entries, payments, bounds);
        Map<String, String> paymentOfEntry = new HashMap<>();
        Map<String, String> entryOfPayment = new HashMap<>();
        Map<String, String> ruleOfEntry = new HashMap<>();
        matches.forEach(m -> {
            paymentOfEntry.put(m.lineKey(), m.paymentEventId());
            entryOfPayment.put(m.paymentEventId(), m.lineKey());
            ruleOfEntry.put(m.lineKey(), m.rule().name());
        });
        Map<String, Entry> entryByKey = new LinkedHashMap<>();
        entries.forEach(e -> entryByKey.put(e.key(), e));

        // figures per CUP and measure
        Map<RowKey, List<Fact>> byRow = new TreeMap<>();
        facts.forEach(f -> byRow.computeIfAbsent(new RowKey(f.cup(), f.measure()), k -> new ArrayList<>()).add(f));
        Set<String> knownCups = new HashSet<>();
        facts.stream().filter(f -> f.type().equals("PROJECT")).forEach(f -> knownCups.add(f.cup()));
        Map<RowKey, BigDecimal> confirmed = new HashMap<>();
        matches.forEach(m -> {
            Fact p = paymentById.get(m.paymentEventId());
            confirmed.merge(new RowKey(p.cup(), p.measure()), entryByKey.get(m.lineKey()).amount(), BigDecimal::add);
        });

        List<Line> lines = new ArrayList<>();
        List<Discrepancy> discrepancies = new ArrayList<>();
        byRow.forEach((key, rowFacts) -> {
            BigDecimal allocated = sum(rowFacts, "ALLOCATED");
            BigDecimal committed = sum(rowFacts, "COMMITTED");
            BigDecimal paid = sum(rowFacts, "PAID").subtract(sum(rowFacts, "REFUNDED"));
            BigDecimal reported = sum(rowFacts, "REPORTED");
            List<String> projects = rowFacts.stream().filter(f -> f.type().equals("PROJECT")).map(Fact::projectId).sorted().toList();
            lines.add(new Line(key.cup(), key.measure(), rowFacts.get(0).currency(), projects, allocated, committed, paid, reported,
                    confirmed.getOrDefault(key, ZERO)));
            List<String> paidEvents = ids(rowFacts, "PAID", "REFUNDED");
            List<String> reportedEvents = ids(rowFacts, "REPORTED");
            if (!knownCups.contains(key.cup())) {
                rowFacts.stream().filter(f -> f.type().equals("PAID")).forEach(f -> discrepancies.add(new Discrepancy(Kind.UNKNOWN_CUP, key.cup(),
                        key.measure(), f.amount(), "payment " + f.reference() + " carries CUP " + key.cup()
                        + ", which no registered NRRP project has", List.of(f.eventId()))));
                return;
            }
            if (paid.signum() > 0 && reported.signum() == 0) {
                discrepancies.add(new Discrepancy(Kind.PAID_NOT_REPORTED, key.cup(), key.measure(), paid,
                        "paid " + paid.toPlainString() + " but reported nothing to the monitoring system", paidEvents));
            } else if (reported.signum() > 0 && paid.signum() <= 0) {
                discrepancies.add(new Discrepancy(Kind.REPORTED_NOT_PAID, key.cup(), key.measure(), reported,
                        "reported " + reported.toPlainString() + " but the ledger paid nothing", reportedEvents));
            } else if (paid.signum() > 0 && paid.compareTo(reported) != 0) {
                discrepancies.add(new Discrepancy(Kind.AMOUNT_MISMATCH, key.cup(), key.measure(), paid.subtract(reported),
                        "paid " + paid.toPlainString() + " but reported " + reported.toPlainString(), concat(paidEvents, reportedEvents)));
            }
            BigDecimal spent = paid.max(reported);
            if (spent.compareTo(allocated) > 0) {
                boolean byPayments = paid.compareTo(reported) >= 0;
                discrepancies.add(new Discrepancy(Kind.BEYOND_ALLOCATION, key.cup(), key.measure(), spent.subtract(allocated),
                        (byPayments ? "paid " : "reported ") + spent.toPlainString() + " beyond the " + allocated.toPlainString() + " allocated",
                        concat(ids(rowFacts, "ALLOCATED"), byPayments ? paidEvents : reportedEvents)));
            }
        });

        List<Matched> matchLines = new ArrayList<>();
        for (Entry e : entries) {
            String paymentId = paymentOfEntry.get(e.key());
            if (e.cup() != null && !knownCups.contains(e.cup())) {
                discrepancies.add(new Discrepancy(Kind.UNKNOWN_CUP, e.cup(), null, e.amount(), "bank entry " + e.key() + " quotes CUP " + e.cup()
                        + ", which no registered NRRP project has", List.of(e.eventId())));
            }
            if (paymentId == null) {
                if (BankEntry.DEBIT.equals(e.direction())) {
                    discrepancies.add(new Discrepancy(Kind.BANK_ENTRY_WITHOUT_PAYMENT, e.cup(), null, e.amount(), "bank entry " + e.key()
                            + " of " + e.amount().toPlainString() + (e.bankReference() == null ? "" : " (reference " + e.bankReference() + ")")
                            + " matches no ledger payment", List.of(e.eventId())));
                }
                continue;
            }
            Fact p = paymentById.get(paymentId);
            matchLines.add(new Matched(new MatchLine(e.statementId(), e.entryReference(), e.eventId(), paymentId, ruleOfEntry.get(e.key()), e.amount(),
                    p.amount()), p.cup(), p.measure()));
            if (e.amount().compareTo(p.amount()) != 0) {
                discrepancies.add(new Discrepancy(Kind.AMOUNT_MISMATCH, p.cup(), p.measure(), e.amount().subtract(p.amount()), "bank entry "
                        + e.key() + " of " + e.amount().toPlainString() + " is matched to payment " + p.reference() + " of "
                        + p.amount().toPlainString(), List.of(e.eventId(), p.eventId())));
            }
        }
        for (Fact p : payments) {
            if (!entryOfPayment.containsKey(p.eventId())) {
                discrepancies.add(new Discrepancy(Kind.PAYMENT_WITHOUT_BANK_ENTRY, p.cup(), p.measure(), p.amount(), "payment " + p.reference()
                        + " of " + p.amount().toPlainString() + (p.bankReference() == null ? "" : " (reference " + p.bankReference() + ")")
                        + " has no bank entry", List.of(p.eventId())));
            }
        }

        List<Discrepancy> ordered = discrepancies.stream()
                .sorted(Comparator.comparing(Discrepancy::kind)
                        .thenComparing(Discrepancy::cup, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Discrepancy::measure, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Discrepancy::detail))
                .toList();
        List<NrrpReconciliationReport.PlanMeasure> plan = jdbc.sql("""
                        SELECT plan_id, measure, unique_code, mission, component, amount, currency FROM nrrp_plan_measure
                        WHERE recorded_at <= :knownAt ORDER BY plan_id, measure""")
                .params(bounds)
                .query((rs, row) -> new NrrpReconciliationReport.PlanMeasure(rs.getString("plan_id"), rs.getString("measure"),
                        rs.getString("unique_code"), rs.getString("mission"), rs.getString("component"),
                        rs.getBigDecimal("amount") == null ? null : rs.getBigDecimal("amount").setScale(2), rs.getString("currency")))
                .list();
        return new NrrpReconciliation(time.asOf(), time.knownAt(), List.copyOf(lines), ordered, List.copyOf(matchLines), targets(bounds), plan);
    }

    private List<TargetLine> targets(Map<String, Object> bounds) {
        record Target(String eventId, String projectId, String targetId, String cup, String measure, String description, BigDecimal quantity,
                      LocalDate dueDate, String contractId, List<String> metrics) {
        }
        List<Target> targets = jdbc.sql("""
                        SELECT event_id, project_id, target_id, cup, measure, description, quantity, due_date, contract_id, metric_codes
                        FROM nrrp_target WHERE business_date <= :asOf AND recorded_at <= :knownAt ORDER BY project_id, target_id""")
                .params(bounds)
                .query((rs, row) -> new Target(rs.getString("event_id"), rs.getString("project_id"), rs.getString("target_id"), rs.getString("cup"),
                        rs.getString("measure"), rs.getString("description"), rs.getBigDecimal("quantity").stripTrailingZeros(),
                        rs.getObject("due_date", LocalDate.class), rs.getString("contract_id"), Arrays.asList(rs.getString("metric_codes").split(","))))
                .list();
        List<TargetLine> lines = new ArrayList<>();
        for (Target t : targets) {
            Map<String, Object> params = new HashMap<>(bounds);
            params.put("contractId", t.contractId());
            params.put("metrics", t.metrics());
            params.put("dueDate", t.dueDate());
            BigDecimal achieved = jdbc.sql("""
                            SELECT COALESCE(SUM(quantity_delta), 0) FROM nrrp_outcome_fact
                            WHERE contract_id = :contractId AND metric_code IN (:metrics) AND outcome_date <= :dueDate
                                AND business_date <= :asOf AND recorded_at <= :knownAt""")
                    .params(params)
                    .query(BigDecimal.class)
                    .single()
                    .stripTrailingZeros();
            BigDecimal percent = achieved.multiply(HUNDRED).divide(t.quantity(), 2, RoundingMode.HALF_EVEN);
            lines.add(new TargetLine(t.projectId(), t.targetId(), t.cup(), t.measure(), t.description(), t.quantity(), t.dueDate(), t.contractId(),
                    t.metrics(), achieved.signum() == 0 ? BigDecimal.ZERO : achieved, percent, t.eventId()));
        }
        return lines;
    }

    private static BigDecimal sum(List<Fact> facts, String type) {
        return facts.stream().filter(f -> f.type().equals(type)).map(Fact::amount).reduce(ZERO, BigDecimal::add);
    }

    private static List<String> ids(List<Fact> facts, String... types) {
        Set<String> wanted = Set.of(types);
        return facts.stream().filter(f -> wanted.contains(f.type())).map(Fact::eventId).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).filter(Objects::nonNull).toList();
    }
}

package org.impactledger.projections.sdg;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.impactledger.infra.jdbc.JdbcBatches;
import org.impactledger.projections.report.FactStamp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Per fund, how many Outcome Fund outcomes are verified (table {@code sdg_fund_verified}, V200): the
 * figure the fund performance report divides the outcome payments by. The report used to group the
 * fund's {@code sdg_outcome_fact} rows per outcome on every request ("verified" means the outcome's
 * {@code verified_delta} summed above zero); the count kept here is that same figure with no bounds,
 * kept with the latest business date and recording time among the facts that move a verified
 * quantity, so that the report can tell whether its {@code asOf} and {@code knownAt} cover every one
 * of them (then the count in bounds is this count) or must count from the facts.
 *
 * <p>Fed by {@link SdgImpactWrites} for each fact just recorded (a redelivered event records nothing
 * and so changes nothing), with the outcome's verified quantity before the fact: the quantity its
 * totals row holds ({@link SdgImpactTotals#verified}), which is the sum of the outcome's facts'
 * {@code verified_delta} (every fact of an Outcome Fund outcome copies the programme and fund of its
 * report, so these are exactly the facts the report sums for the fund). One instance serves one batch
 * of events: the changes are summed per fund and written once per fund when the batch is written
 * ({@link #flush()}), the count by the summed change, the dates as the latest of the batch's, which
 * is what adding the facts one by one with {@code CASE WHEN last < date THEN date} gives; a fund's
 * row missing before the batch is inserted with those values, as the batch's first fact on it did.
 */
final class FundVerifiedOutcomes {

    private final JdbcTemplate jdbc;
    private final Map<String, Change> funds = new LinkedHashMap<>();

    FundVerifiedOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final class Change {
        long verifiedOutcomes;
        LocalDate lastBusinessDate;
        LocalDateTime lastRecordedAt;
    }

    /**
     * A fact just recorded for an Outcome Fund outcome of the fund: if it moves the verified quantity,
     * the fund's count gains (or loses) the outcome when its sum crosses zero, and the fund's latest
     * dates take the fact's.
     *
     * @param before   the outcome's verified quantity before the fact (the sum of its earlier facts)
     * @param verified the fact's verified delta, as given to the insert (stored at scale 6)
     */
    void fact(String fundId, BigDecimal before, BigDecimal verified, FactStamp stamp) {
        BigDecimal delta = verified.setScale(6, RoundingMode.HALF_UP);
        if (delta.signum() == 0) {
            return;
        }
        Change change = funds.computeIfAbsent(fundId, f -> new Change());
        change.verifiedOutcomes += verifiedOrNot(before.add(delta)) - verifiedOrNot(before);
        LocalDateTime recordedAt = utc(stamp.recordedAt());
        if (change.lastBusinessDate == null || change.lastBusinessDate.isBefore(stamp.businessDate())) {
            change.lastBusinessDate = stamp.businessDate();
        }
        if (change.lastRecordedAt == null || change.lastRecordedAt.isBefore(recordedAt)) {
            change.lastRecordedAt = recordedAt;
        }
    }

    /** Writes the batch's changes, one update (or insert) per fund. */
    void flush() {
        if (funds.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Change>> changes = List.copyOf(funds.entrySet());
        funds.clear();
        int[] updated = JdbcBatches.update(jdbc, """
                        UPDATE sdg_fund_verified SET verified_outcomes = verified_outcomes + ?,
                            last_business_date = CASE WHEN last_business_date < ? THEN ? ELSE last_business_date END,
                            last_recorded_at = CASE WHEN last_recorded_at < ? THEN ? ELSE last_recorded_at END
                        WHERE fund_id = ?""",
                changes.stream().map(e -> {
                    Change c = e.getValue();
                    return new Object[] {c.verifiedOutcomes, c.lastBusinessDate, c.lastBusinessDate, c.lastRecordedAt, c.lastRecordedAt,
                            e.getKey()};
                }).toList(),
                new int[] {Types.BIGINT, Types.DATE, Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR});
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                Change c = changes.get(i).getValue();
                missing.add(new Object[] {changes.get(i).getKey(), c.verifiedOutcomes, c.lastBusinessDate, c.lastRecordedAt});
            }
        }
        if (!missing.isEmpty()) {
            JdbcBatches.update(jdbc, """
                            INSERT INTO sdg_fund_verified (fund_id, verified_outcomes, last_business_date, last_recorded_at)
                            VALUES (?, ?, ?, ?)""", missing, new int[] {Types.VARCHAR, Types.BIGINT, Types.DATE, Types.TIMESTAMP});
        }
    }

    private static int verifiedOrNot(BigDecimal quantity) {
        return quantity.signum() > 0 ? 1 : 0;
    }
}

package org.impactledger.projections.sdg;

import static org.impactledger.projections.state.JdbcValues.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.impactledger.projections.report.FactStamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Per fund, how many Outcome Fund outcomes are verified (table {@code sdg_fund_verified}, V200): the
 * figure the fund performance report divides the outcome payments by. The report used to group the
 * fund's {@code sdg_outcome_fact} rows per outcome on every request ("verified" means the outcome's
 * {@code verified_delta} summed above zero); the count kept here is that same figure with no bounds,
 * kept with the latest business date and recording time among the facts that move a verified
 * quantity, so that the report can tell whether its {@code asOf} and {@code knownAt} cover every one
 * of them (then the count in bounds is this count) or must count from the facts.
 *
 * <p>Written by {@link SdgImpactProjection} in the transaction of the fact just inserted (a redelivered
 * event inserts nothing and so changes nothing). The outcome's verified quantity before and after the
 * fact is summed from the stored facts themselves (one outcome's rows, by index), exactly as the report
 * sums them. One tracking thread handles the {@code sdg-impact} events, so update-else-insert does not
 * race.
 */
final class FundVerifiedOutcomes {

    private final JdbcClient jdbc;

    FundVerifiedOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A fact just inserted for an Outcome Fund outcome of the fund: if it moves the verified quantity,
     * the fund's count gains (or loses) the outcome when its sum crosses zero, and the fund's latest
     * dates take the fact's.
     *
     * @param verified the fact's verified delta, as given to the insert (stored at scale 6)
     */
    void fact(String fundId, String contractId, String outcomeId, BigDecimal verified, FactStamp stamp) {
        if (verified.setScale(6, RoundingMode.HALF_UP).signum() == 0) {
            return;
        }
        Map<String, Object> sums = jdbc.sql("""
                        SELECT COALESCE(SUM(verified_delta), 0) AS after_fact,
                            COALESCE(SUM(CASE WHEN event_id = :eventId THEN 0 ELSE verified_delta END), 0) AS before_fact
                        FROM sdg_outcome_fact
                        WHERE contract_id = :contractId AND outcome_id = :outcomeId AND fund_id = :fundId AND programme = :programme""")
                .param("eventId", stamp.eventId())
                .param("contractId", contractId)
                .param("outcomeId", outcomeId)
                .param("fundId", fundId)
                .param("programme", Programme.OUTCOME_FUND.name())
                .query()
                .singleRow();
        int change = verifiedOrNot((BigDecimal) sums.get("after_fact")) - verifiedOrNot((BigDecimal) sums.get("before_fact"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("fundId", fundId);
        params.put("change", change);
        params.put("businessDate", stamp.businessDate());
        params.put("recordedAt", utc(stamp.recordedAt()));
        int updated = jdbc.sql("""
                        UPDATE sdg_fund_verified SET verified_outcomes = verified_outcomes + :change,
                            last_business_date = CASE WHEN last_business_date < :businessDate THEN :businessDate ELSE last_business_date END,
                            last_recorded_at = CASE WHEN last_recorded_at < :recordedAt THEN :recordedAt ELSE last_recorded_at END
                        WHERE fund_id = :fundId""")
                .params(params)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO sdg_fund_verified (fund_id, verified_outcomes, last_business_date, last_recorded_at)
                            VALUES (:fundId, :change, :businessDate, :recordedAt)""")
                    .params(params)
                    .update();
        }
    }

    /** Before a replay from the start. */
    void reset() {
        jdbc.sql("DELETE FROM sdg_fund_verified").update();
    }

    private static int verifiedOrNot(BigDecimal quantity) {
        return quantity.signum() > 0 ? 1 : 0;
    }
}

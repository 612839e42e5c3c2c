-- How many of a fund's Outcome Fund outcomes are verified (their verified quantity, summed over
-- their facts in sdg_outcome_fact, above zero), kept by the processing group "sdg-impact"
-- (FundVerifiedOutcomes) in the transaction of the fact that changes it, with the latest business
-- date and recording time among the fund's facts that move a verified quantity (a verification, or
-- a withdrawal that takes one back). The fund performance report reads the count when its asOf and
-- knownAt are not before those (every such fact is in bounds, so the count over the facts in bounds
-- is this one) instead of grouping the fund's facts per outcome on every request; any other question
-- still counts from sdg_outcome_fact. A token reset empties it with the facts and the replay rebuilds it.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.

CREATE TABLE sdg_fund_verified (
    fund_id            VARCHAR(64) NOT NULL PRIMARY KEY,
    verified_outcomes  BIGINT      NOT NULL,
    last_business_date DATE        NOT NULL,
    last_recorded_at   TIMESTAMP   NOT NULL
);

-- Facts already recorded (an upgrade): the count per fund as the report computes it with no bounds.
INSERT INTO sdg_fund_verified (fund_id, verified_outcomes, last_business_date, last_recorded_at)
SELECT fund_id, SUM(CASE WHEN verified > 0 THEN 1 ELSE 0 END), MAX(last_business_date), MAX(last_recorded_at)
FROM (
    SELECT fund_id, contract_id, outcome_id, SUM(verified_delta) AS verified, MAX(business_date) AS last_business_date,
        MAX(recorded_at) AS last_recorded_at
    FROM sdg_outcome_fact
    WHERE programme = 'OUTCOME_FUND' AND fund_id IS NOT NULL AND verified_delta <> 0
    GROUP BY fund_id, contract_id, outcome_id) outcomes
GROUP BY fund_id;

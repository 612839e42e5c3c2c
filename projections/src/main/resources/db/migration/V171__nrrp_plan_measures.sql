-- The NRRP plan's reference list of measures (NrrpMeasureListed), processing group "nrrp".
-- One row per listed measure or sub-measure, keyed by the event id; amount NULL where the list says N/D.
CREATE TABLE nrrp_plan_measure (
    event_id    VARCHAR(255)  NOT NULL PRIMARY KEY,
    plan_id     VARCHAR(64)   NOT NULL,
    measure     VARCHAR(16)   NOT NULL,
    unique_code VARCHAR(16)   NOT NULL,
    mission     VARCHAR(4)    NOT NULL,
    component   VARCHAR(8)    NOT NULL,
    amount      NUMERIC(19,2),
    currency    VARCHAR(3),
    recorded_at TIMESTAMP     NOT NULL,
    UNIQUE (plan_id, measure)
);

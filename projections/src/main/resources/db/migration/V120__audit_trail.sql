-- Verifiable audit trail: a SHA-256 hash chain over the stored rows of domain_event_entry in
-- global order, with signed checkpoints. Owned by the audit chain builder
-- (org.impactledger.projections.audit.AuditChainBuilder), not by a tracking processor: the chain
-- must follow global_index exactly, and a tracking processor may deliver a lower index after a
-- higher one. A reset empties these tables (the head goes back to genesis) and the builder chains
-- everything again from the first event.
--
-- Portable SQL: the same script runs on PostgreSQL and on H2 in PostgreSQL mode.
-- Hashes are lower-case hex SHA-256 (64 characters); TIMESTAMP columns hold UTC wall-clock times.

-- One row per chained event. recorded_at, business_date and principal are copied from the event
-- (its time_stamp and its metadata) for the trail's listing and time travel; they are not part of
-- the hash input beyond what the event row itself holds. payload_sha256 / meta_data_sha256 let the
-- verifier say which part of a changed event differs.
CREATE TABLE audit_chain (
    global_index         BIGINT       NOT NULL PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    recorded_at          TIMESTAMP,
    business_date        DATE,
    principal            VARCHAR(255),
    payload_sha256       VARCHAR(64)  NOT NULL,
    meta_data_sha256     VARCHAR(64),
    event_hash           VARCHAR(64)  NOT NULL,
    chain_hash           VARCHAR(64)  NOT NULL,
    chained_at           TIMESTAMP    NOT NULL
);

-- The single row (id = 1) that builders on every node lock (SELECT ... FOR UPDATE) before they
-- extend the chain, so that two nodes never chain the same index twice.
--   head_index        highest global index accounted for: a chained event or a passed gap
--   last_event_index  highest chained event (0: none yet); chain_hash is its chain hash
--                     (genesis: 64 zeros)
CREATE TABLE audit_chain_head (
    id                      INTEGER     NOT NULL PRIMARY KEY,
    head_index              BIGINT      NOT NULL,
    last_event_index        BIGINT      NOT NULL,
    chain_hash              VARCHAR(64) NOT NULL,
    event_count             BIGINT      NOT NULL,
    gap_count               BIGINT      NOT NULL,
    events_since_checkpoint BIGINT      NOT NULL,
    last_checkpoint_index   BIGINT      NOT NULL,
    last_checkpoint_at      TIMESTAMP,
    updated_at              TIMESTAMP
);

INSERT INTO audit_chain_head (id, head_index, last_event_index, chain_hash, event_count, gap_count,
                              events_since_checkpoint, last_checkpoint_index, last_checkpoint_at, updated_at)
VALUES (1, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, 0, 0, 0, NULL, NULL);

-- Global indexes with no event row (a rolled-back insert leaves its sequence value unused).
-- passed_at NULL: seen missing at first_seen_at, the builder waits for it; passed_at set: recorded
-- as permanently empty and passed. A row that later appears at a passed index is reported by the
-- verifier as an insertion.
CREATE TABLE audit_gap (
    global_index  BIGINT    NOT NULL PRIMARY KEY,
    first_seen_at TIMESTAMP NOT NULL,
    passed_at     TIMESTAMP
);

-- Signed checkpoints: an Ed25519 signature over
-- "impact-ledger-checkpoint:v1:<global_index>:<chain_hash>:<signed_at>", where global_index is the
-- last chained event covered and signed_at the exact ISO-8601 text stored here.
CREATE TABLE audit_checkpoint (
    global_index BIGINT       NOT NULL PRIMARY KEY,
    chain_hash   VARCHAR(64)  NOT NULL,
    event_count  BIGINT       NOT NULL,
    signed_at    VARCHAR(40)  NOT NULL,
    algorithm    VARCHAR(16)  NOT NULL,
    key_id       VARCHAR(64)  NOT NULL,
    signature    VARCHAR(200) NOT NULL
);

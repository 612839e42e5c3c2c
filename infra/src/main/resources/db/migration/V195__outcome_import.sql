-- Bulk outcome imports (POST /api/contracts/{id}/outcomes/imports): one row per import, updated after
-- every batch so that a concurrent GET sees the progress, and the rejected rows with line and reason.
-- content_sha256 (SHA-256 of the file as received) finds an earlier import of the same file.
CREATE TABLE outcome_import (
    import_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    contract_id      VARCHAR(64)   NOT NULL,
    format           VARCHAR(16)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    imported_by      VARCHAR(128)  NOT NULL,
    content_sha256   VARCHAR(64),
    duplicate_of     VARCHAR(64),
    rows_read        BIGINT        NOT NULL DEFAULT 0,
    accepted         BIGINT        NOT NULL DEFAULT 0,
    already_reported BIGINT        NOT NULL DEFAULT 0,
    rejected         BIGINT        NOT NULL DEFAULT 0,
    failure          VARCHAR(2000),
    started_at       TIMESTAMP     NOT NULL,
    updated_at       TIMESTAMP     NOT NULL,
    finished_at      TIMESTAMP
);

CREATE INDEX outcome_import_by_contract ON outcome_import (contract_id, started_at);
CREATE INDEX outcome_import_by_content ON outcome_import (contract_id, content_sha256);

CREATE TABLE outcome_import_rejection (
    import_id   VARCHAR(64)   NOT NULL,
    line_number BIGINT        NOT NULL,
    field       VARCHAR(200),
    code        VARCHAR(40)   NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    PRIMARY KEY (import_id, line_number)
);

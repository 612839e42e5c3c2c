-- One AES-256 key per data subject (crypto-shredding). Erasure sets key_bytes to NULL and stamps
-- erased_at: the row stays as a tombstone, so the subject reads as erased (not unknown) and no new
-- key is made for it. The events hold only ciphertext under key_id.
CREATE TABLE subject_key (
    subject_id  VARCHAR(128) NOT NULL PRIMARY KEY,
    key_id      VARCHAR(64)  NOT NULL,
    key_bytes   BYTEA,
    created_at  TIMESTAMP    NOT NULL,
    erased_at   TIMESTAMP,
    CONSTRAINT subject_key_erased_has_no_key CHECK ((erased_at IS NULL) = (key_bytes IS NOT NULL))
);

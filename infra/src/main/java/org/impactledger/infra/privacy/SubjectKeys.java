package org.impactledger.infra.privacy;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-subject key store (table {@code subject_key}): one random AES-256 key per data subject,
 * made on first use. Erasing a subject deletes its key and leaves a tombstone, which is what makes
 * the subject's encrypted personal data in the (immutable) event store unreadable for good.
 */
public class SubjectKeys {

    /** A subject's key and its id (the id is written next to each ciphertext). */
    public record SubjectKey(String subjectId, String keyId, byte[] key) {
    }

    /** The subject's key was deleted; nothing can be encrypted or decrypted for it any more. */
    public static final class SubjectErasedException extends RuntimeException {
        public SubjectErasedException(String subjectId) {
            super("the personal data of subject " + subjectId + " was erased");
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SubjectKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The subject's key, made now if it has none; refused once the subject is erased. */
    public SubjectKey keyFor(String subjectId) {
        Optional<Row> row = row(subjectId);
        if (row.isEmpty()) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            try {
                jdbc.sql("insert into subject_key (subject_id, key_id, key_bytes, created_at) values (?, ?, ?, ?)")
                        .params(subjectId, "key-" + UUID.randomUUID(), key, Timestamp.from(clock.instant())).update();
            } catch (DuplicateKeyException concurrent) {
                // another request made the key first: use that one
            }
            row = row(subjectId);
        }
        Row r = row.orElseThrow();
        if (r.key() == null) {
            throw new SubjectErasedException(subjectId);
        }
        return new SubjectKey(subjectId, r.keyId(), r.key());
    }

    /** The subject's key if it has one: empty when it never had one or was erased (see {@link #isErased}). */
    public Optional<SubjectKey> find(String subjectId) {
        return row(subjectId).filter(r -> r.key() != null).map(r -> new SubjectKey(subjectId, r.keyId(), r.key()));
    }

    public boolean isErased(String subjectId) {
        return row(subjectId).map(r -> r.key() == null).orElse(false);
    }

    /**
     * Deletes the subject's key (idempotent); a subject that never had a key gets a tombstone, so that
     * none is made for it later.
     *
     * @return whether a key was deleted now
     */
    public boolean erase(String subjectId) {
        Timestamp now = Timestamp.from(clock.instant());
        int deleted = jdbc.sql("update subject_key set key_bytes = null, erased_at = ? where subject_id = ? and key_bytes is not null")
                .params(now, subjectId).update();
        if (deleted == 0 && row(subjectId).isEmpty()) {
            try {
                jdbc.sql("insert into subject_key (subject_id, key_id, key_bytes, created_at, erased_at) values (?, ?, null, ?, ?)")
                        .params(subjectId, "none", now, now).update();
            } catch (DuplicateKeyException concurrent) {
                return erase(subjectId);
            }
        }
        return deleted > 0;
    }

    private record Row(String keyId, byte[] key) {
    }

    private Optional<Row> row(String subjectId) {
        return jdbc.sql("select key_id, key_bytes from subject_key where subject_id = ?").param(subjectId)
                .query((rs, i) -> new Row(rs.getString(1), rs.getBytes(2))).optional();
    }
}

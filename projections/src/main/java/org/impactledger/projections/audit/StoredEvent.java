package org.impactledger.projections.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;

/**
 * One row of {@code domain_event_entry} exactly as stored, and its place in the audit chain.
 *
 * <h2>Canonical form (version 1)</h2>
 * The hash covers the stored columns, not a re-serialization of the event, so that anyone holding
 * the row (or an export of it) can recompute it without the ledger's classes or serializer. The
 * canonical form is the concatenation of eleven fields, each encoded as a 4-byte big-endian
 * unsigned length followed by that many bytes; a SQL {@code NULL} is the length {@code 0xFFFFFFFF}
 * with no bytes (so {@code NULL} and the empty string differ):
 * <ol>
 *   <li>the tag {@code impact-ledger-event:v1} (UTF-8)</li>
 *   <li>{@code global_index} as a decimal string (no sign, no leading zeros)</li>
 *   <li>{@code event_identifier} (UTF-8)</li>
 *   <li>{@code aggregate_identifier} (UTF-8)</li>
 *   <li>{@code sequence_number} as a decimal string</li>
 *   <li>{@code type} (UTF-8, may be NULL)</li>
 *   <li>{@code time_stamp} (UTF-8, the ISO-8601 text Axon stored)</li>
 *   <li>{@code payload_type} (UTF-8)</li>
 *   <li>{@code payload_revision} (UTF-8, may be NULL)</li>
 *   <li>{@code payload}: the stored bytes as they are (the ledger writes UTF-8 JSON)</li>
 *   <li>{@code meta_data}: the stored bytes as they are (UTF-8 JSON, may be NULL)</li>
 * </ol>
 * {@code event_hash = SHA-256(canonical form)}. Length prefixes make the encoding unambiguous
 * (no field can borrow bytes from its neighbour), and the bytes are taken as stored, so a change
 * of a single byte anywhere in the row changes the hash. The offline {@link AuditVerifier} holds
 * an independent copy of this definition; a pinned test vector keeps the two equal.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metaData) {

    /** The domain-separation tag that opens every canonical form; a new form gets a new tag. */
    public static final String CANONICAL_TAG = "impact-ledger-event:v1";

    /** The columns to select for {@link #MAPPER}. */
    public static final String COLUMNS = "global_index, event_identifier, aggregate_identifier, sequence_number, type, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";

    public static final RowMapper<StoredEvent> MAPPER = StoredEvent::read;

    private static final byte[] NULL_FIELD = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    /** The tag's field (length and bytes), the same at the start of every canonical form. */
    private static final byte[] TAG_FIELD = tagField();

    private static byte[] tagField() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, utf8(CANONICAL_TAG));
        return out.toByteArray();
    }

    /** Reads a row selected with {@link #COLUMNS} (by position: a million rows look no column up by name). */
    static StoredEvent read(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10));
    }

    /** The canonical bytes defined above. */
    public byte[] canonicalForm() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(payload) + length(metaData));
        field(out, utf8(CANONICAL_TAG));
        field(out, utf8(Long.toString(globalIndex)));
        field(out, utf8(eventIdentifier));
        field(out, utf8(aggregateIdentifier));
        field(out, utf8(Long.toString(sequenceNumber)));
        field(out, utf8(type));
        field(out, utf8(timeStamp));
        field(out, utf8(payloadType));
        field(out, utf8(payloadRevision));
        field(out, payload);
        field(out, metaData);
        return out.toByteArray();
    }

    /**
     * {@code SHA-256(canonical form)}, lower-case hex. The fields are fed to the digest one by one
     * rather than through {@link #canonicalForm()}, which would copy every payload twice; the
     * pinned vectors of {@code CanonicalFormTest} hold both to the same bytes.
     */
    public String eventHash() {
        return Hashes.hex(eventHashBytes());
    }

    /** {@link #eventHash()} as the 32 raw bytes. */
    byte[] eventHashBytes() {
        MessageDigest digest = Hashes.sha256();
        digest.update(TAG_FIELD);
        field(digest, ascii(globalIndex));
        field(digest, utf8(eventIdentifier));
        field(digest, utf8(aggregateIdentifier));
        field(digest, ascii(sequenceNumber));
        field(digest, utf8(type));
        field(digest, utf8(timeStamp));
        field(digest, utf8(payloadType));
        field(digest, utf8(payloadRevision));
        field(digest, payload);
        field(digest, metaData);
        return digest.digest();
    }

    private static void field(MessageDigest digest, byte[] value) {
        if (value == null) {
            digest.update(NULL_FIELD);
            return;
        }
        int n = value.length;
        digest.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        digest.update(value);
    }

    private static byte[] ascii(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            out.writeBytes(NULL_FIELD);
            return;
        }
        int n = value.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(value);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }
}

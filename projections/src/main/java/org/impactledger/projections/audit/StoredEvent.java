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
     * {@code SHA-256(canonical form)}, lower-case hex. Computed by {@link Hasher}, not through
     * {@link #canonicalForm()}, which would copy every payload twice; the pinned vectors of
     * {@code CanonicalFormTest} hold both to the same bytes.
     */
    public String eventHash() {
        return Hashes.hex(eventHashBytes());
    }

    /** {@link #eventHash()} as the 32 raw bytes. */
    byte[] eventHashBytes() {
        return eventHashBytes(HASHER.get());
    }

    private byte[] eventHashBytes(Hasher hasher) {
        return hasher.hash(globalIndex, utf8(eventIdentifier), utf8(aggregateIdentifier), sequenceNumber, utf8(type), utf8(timeStamp),
                utf8(payloadType), utf8(payloadRevision), payload, metaData);
    }

    /** One {@link Hasher} per thread, for {@link #eventHashBytes()} (the chain builder's thread, tests). */
    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    /** A stored row as a verifying walk sees it: where it is, its event identifier and its event hash (raw). */
    record Hashed(long globalIndex, String eventIdentifier, byte[] eventHash) {
    }

    /**
     * Reads a row selected with {@link #COLUMNS} and hashes it. With {@code rawText} the text columns are
     * taken as the bytes the driver received, which PostgreSQL's driver hands over as they came (UTF-8,
     * the encoding it sets for every connection), so they are hashed without being decoded into strings
     * and encoded back; a verification of 1M events spent about a fifth of its reading threads' time on
     * that (bench/RESULTS.md, nineteenth session). Without it the row is read as strings first.
     */
    static Hashed hashed(ResultSet rs, Hasher hasher, boolean rawText) throws SQLException {
        if (!rawText) {
            StoredEvent e = read(rs, 0);
            return new Hashed(e.globalIndex, e.eventIdentifier, e.eventHashBytes(hasher));
        }
        long globalIndex = rs.getLong(1);
        byte[] eventIdentifier = rs.getBytes(2);
        byte[] hash = hasher.hash(globalIndex, eventIdentifier, rs.getBytes(3), rs.getLong(4), rs.getBytes(5), rs.getBytes(6), rs.getBytes(7),
                rs.getBytes(8), rs.getBytes(9), rs.getBytes(10));
        return new Hashed(globalIndex, eventIdentifier == null ? null : new String(eventIdentifier, StandardCharsets.UTF_8), hash);
    }

    /**
     * Computes event hashes: the canonical form is written into one buffer, kept from event to event,
     * and given to the digest at once. Fed field by field (22 updates of the digest and a new length
     * array for each field) it cost more than the SHA-256 itself. Not thread-safe: one per thread.
     */
    static final class Hasher {
        /** A value longer than this goes to the digest as it is, not through the buffer, which so stays this size. */
        private static final int BUFFERED = 4096;

        private final MessageDigest digest = Hashes.newSha256();
        private final byte[] buffer = new byte[BUFFERED + 64];
        private int length;

        byte[] hash(long globalIndex, byte[] eventIdentifier, byte[] aggregateIdentifier, long sequenceNumber, byte[] type, byte[] timeStamp,
                    byte[] payloadType, byte[] payloadRevision, byte[] payload, byte[] metaData) {
            length = 0;
            append(TAG_FIELD);
            number(globalIndex);
            field(eventIdentifier);
            field(aggregateIdentifier);
            number(sequenceNumber);
            field(type);
            field(timeStamp);
            field(payloadType);
            field(payloadRevision);
            field(payload);
            field(metaData);
            digest.update(buffer, 0, length);
            return digest.digest();
        }

        private void field(byte[] value) {
            if (value == null) {
                append(NULL_FIELD);
                return;
            }
            prefix(value.length);
            if (value.length > BUFFERED) {
                digest.update(buffer, 0, length);
                length = 0;
                digest.update(value);
            } else {
                append(value);
            }
        }

        /** A number's field: its decimal digits, as {@code Long.toString}. */
        private void number(long value) {
            if (value < 0) {
                field(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            int digits = 1;
            for (long rest = value / 10; rest > 0; rest /= 10) {
                digits++;
            }
            prefix(digits);
            ensure(digits);
            for (int i = length + digits - 1; i >= length; i--) {
                buffer[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += digits;
        }

        private void prefix(int n) {
            ensure(4);
            buffer[length] = (byte) (n >>> 24);
            buffer[length + 1] = (byte) (n >>> 16);
            buffer[length + 2] = (byte) (n >>> 8);
            buffer[length + 3] = (byte) n;
            length += 4;
        }

        private void append(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        /** Makes room for {@code more} bytes (at most {@link #BUFFERED}) by giving the digest what the buffer holds. */
        private void ensure(int more) {
            if (length + more > buffer.length) {
                digest.update(buffer, 0, length);
                length = 0;
            }
        }
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

package org.impactledger.projections.audit;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;

/**
 * The offline verifier of an audit export: an auditor runs it on an export and the ledger's
 * published public key, and trusts nothing else.
 *
 * <pre>
 *   java projections/src/main/java/org/impactledger/projections/audit/AuditVerifier.java export.ndjson public-key.pem
 * </pre>
 *
 * It needs only a JDK (17 or later) and this one source file: it imports no other class of the
 * project and reads the NDJSON with its own small JSON reader, so that an auditor can read all of
 * it. For every event line it recomputes the event hash from the columns (the canonical form below)
 * and the chain from the export's starting hash; it checks that every global index of the range is
 * an event or a recorded gap, and every checkpoint's chain hash and Ed25519 signature. It prints
 * {@code OK} with counts and exits 0, or names the first event that does not match (global index,
 * event id, reason) and exits 1; 2 means it could not run (bad arguments, unreadable files).
 *
 * <h2>What it proves</h2>
 * A checkpoint is the ledger's signature over the chain hash at one event, and the chain hash
 * commits to every event before it and their order. So every event up to the last checkpoint that
 * verifies is exactly what the ledger had signed; events after it are only internally consistent
 * (the verifier says how many). An export with events but no checkpoint proves nothing and fails.
 * The hashes the export states for each event are only used to point at the first difference:
 * if an event row was changed in the store, its recomputed hash differs from the one the chain
 * recorded; if the chain was recomputed as well, the next checkpoint's signature gives it away.
 *
 * <h2>Canonical form of an event (v1)</h2>
 * Eleven fields, each a 4-byte big-endian length followed by that many bytes, a null field being
 * the length {@code 0xFFFFFFFF} and no bytes: the tag {@code impact-ledger-event:v1}, the global
 * index (decimal), event identifier, aggregate identifier, sequence number (decimal), type, time
 * stamp, payload type, payload revision (texts in UTF-8), payload bytes, metadata bytes.
 * {@code eventHash = SHA-256(canonical form)};
 * {@code chainHash = SHA-256(previous chainHash || eventHash)} over the raw 32-byte values, starting
 * from 32 zero bytes; gaps are not links. A checkpoint signs the UTF-8 text
 * {@code impact-ledger-checkpoint:v1:<globalIndex>:<chainHash>:<signedAt>}. Hashes are lower-case hex.
 */
public final class AuditVerifier {

    /** Compiled once: they are checked on every line of an export of a million events. */
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static final String EVENT_TAG = "impact-ledger-event:v1";
    private static final String CHECKPOINT_PREFIX = "impact-ledger-checkpoint:v1:";
    private static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private AuditVerifier() {
    }

    /**
     * The first thing that does not match.
     *
     * @param globalIndex     where, or {@code null} when the problem is the file as a whole
     * @param eventIdentifier the event there, when known
     * @param reason          EVENT_CHANGED, EVENT_DELETED, EVENT_INSERTED, CHAIN_ALTERED, CHAIN_INCOMPLETE,
     *                        CHECKPOINT_MISMATCH, CHECKPOINT_SIGNATURE_INVALID, NOT_SIGNED or MALFORMED_EXPORT
     */
    public record Mismatch(Long globalIndex, String eventIdentifier, String reason, String detail) {
    }

    /**
     * The verdict.
     *
     * @param events                   event lines verified
     * @param gaps                     gap lines
     * @param checkpoints              checkpoints whose chain hash and signature verified
     * @param lastCheckpointIndex      the global index the last verified checkpoint covers, or {@code null}
     * @param eventsAfterLastCheckpoint verified events not yet covered by a signature
     * @param headHash                 the recomputed chain hash at the last event
     * @param mismatch                 the first mismatch, or {@code null} when everything verified
     */
    public record Result(long events, long gaps, long checkpoints, Long lastCheckpointIndex, long eventsAfterLastCheckpoint,
                         String headHash, Mismatch mismatch) {

        public boolean ok() {
            return mismatch == null;
        }

        /** The one-line report printed by {@link #main(String[])}. */
        public String describe() {
            if (mismatch != null) {
                return "MISMATCH at global index " + (mismatch.globalIndex() == null ? "-" : mismatch.globalIndex())
                        + " (event " + (mismatch.eventIdentifier() == null ? "-" : mismatch.eventIdentifier()) + "): "
                        + mismatch.reason() + ": " + mismatch.detail();
            }
            return "OK: " + events + " events, " + gaps + " gaps, " + checkpoints + " checkpoints verified"
                    + (lastCheckpointIndex == null ? "" : " (last at global index " + lastCheckpointIndex + ")")
                    + "; " + eventsAfterLastCheckpoint + " events after the last checkpoint are not yet signed; chain head " + headHash;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line without {@code System.exit}: returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: java AuditVerifier.java <export.ndjson> <public-key.pem>");
            return 2;
        }
        PublicKey key;
        try {
            key = readPublicKey(Files.readString(Path.of(args[1]), StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot read the public key " + args[1] + ": " + e.getMessage());
            return 2;
        }
        Result result;
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            result = verify(reader, key);
        } catch (IOException e) {
            err.println("cannot read the export " + args[0] + ": " + e.getMessage());
            return 2;
        }
        out.println(result.describe());
        return result.ok() ? 0 : 1;
    }

    /** Reads a PEM public key (SubjectPublicKeyInfo, "-----BEGIN PUBLIC KEY-----") holding an Ed25519 key. */
    public static PublicKey readPublicKey(String pem) {
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a PEM public key (no " + begin + " block)");
        }
        try {
            byte[] der = Base64.getDecoder().decode(pem.substring(from + begin.length(), to).replaceAll("\\s", ""));
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** Verifies an export read from {@code ndjson} against {@code key}; reads it line by line. */
    public static Result verify(Reader ndjson, PublicKey key) throws IOException {
        BufferedReader reader = ndjson instanceof BufferedReader b ? b : new BufferedReader(ndjson);
        State state = new State(key);
        String text;
        long lineNumber = 0;
        while ((text = reader.readLine()) != null) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            Map<String, Object> line;
            try {
                Object parsed = new Json(text).document();
                if (!(parsed instanceof Map<?, ?>)) {
                    return state.fail(null, null, "MALFORMED_EXPORT", "line " + lineNumber + " is not a JSON object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) parsed;
                line = object;
            } catch (IllegalArgumentException e) {
                return state.fail(null, null, "MALFORMED_EXPORT", "line " + lineNumber + ": " + e.getMessage());
            }
            Result failed;
            try {
                failed = state.accept(line, lineNumber);
            } catch (IllegalArgumentException e) {
                return state.fail(null, null, "MALFORMED_EXPORT", "line " + lineNumber + ": " + e.getMessage());
            }
            if (failed != null) {
                return failed;
            }
        }
        return state.finish();
    }

    /** The verifier's running state over the lines of one export. */
    private static final class State {
        private final PublicKey key;
        private boolean headerSeen;
        private boolean endSeen;
        private long from;
        private long to;
        private long expected;
        private String chainHash;
        private long events;
        private long gaps;
        private long checkpoints;
        private Long lastEventIndex;
        private String lastEventIdentifier;
        private Long lastCheckpointIndex;
        private long eventsSinceCheckpoint;

        State(PublicKey key) {
            this.key = key;
        }

        Result accept(Map<String, Object> line, long lineNumber) {
            String kind = string(line, "kind");
            if (!headerSeen && !"header".equals(kind)) {
                return fail(null, null, "MALFORMED_EXPORT", "the first line must be the header, line " + lineNumber + " is " + kind);
            }
            if (endSeen) {
                return fail(null, null, "MALFORMED_EXPORT", "line " + lineNumber + " follows the end line");
            }
            switch (kind == null ? "" : kind) {
                case "header" -> {
                    if (headerSeen) {
                        return fail(null, null, "MALFORMED_EXPORT", "a second header at line " + lineNumber);
                    }
                    if (!EVENT_TAG.equals(string(line, "canonicalForm"))) {
                        return fail(null, null, "MALFORMED_EXPORT", "unknown canonical form " + string(line, "canonicalForm"));
                    }
                    headerSeen = true;
                    from = number(line, "from");
                    to = number(line, "to");
                    expected = from;
                    chainHash = hash(line, "previousChainHash");
                    return null;
                }
                case "event" -> {
                    return event(line);
                }
                case "gap" -> {
                    long index = number(line, "globalIndex");
                    Result order = inOrder(index, null);
                    if (order != null) {
                        return order;
                    }
                    gaps++;
                    return null;
                }
                case "checkpoint" -> {
                    return checkpoint(line);
                }
                case "end" -> {
                    endSeen = true;
                    if (number(line, "events") != events || number(line, "gaps") != gaps || number(line, "checkpoints") != checkpoints) {
                        return fail(null, null, "MALFORMED_EXPORT", "the end line counts " + number(line, "events") + " events, "
                                + number(line, "gaps") + " gaps and " + number(line, "checkpoints") + " checkpoints; the file holds "
                                + events + ", " + gaps + " and " + checkpoints + ": lines were removed or added");
                    }
                    return null;
                }
                default -> {
                    return fail(null, null, "MALFORMED_EXPORT", "line " + lineNumber + " has an unknown kind " + kind);
                }
            }
        }

        private Result event(Map<String, Object> line) {
            long index = number(line, "globalIndex");
            String id = string(line, "eventIdentifier");
            Result order = inOrder(index, id);
            if (order != null) {
                return order;
            }
            if (Boolean.TRUE.equals(line.get("missing"))) {
                return fail(index, id, "EVENT_DELETED", "the chained event is no longer in the event store");
            }
            String computed = eventHash(index, id, string(line, "aggregateIdentifier"), number(line, "sequenceNumber"),
                    string(line, "type"), string(line, "timeStamp"), string(line, "payloadType"), string(line, "payloadRevision"),
                    bytes(line, "payload"), bytes(line, "metaData"));
            if (!line.containsKey("eventHash")) {
                return fail(index, id, "EVENT_INSERTED", "an event row inside the chained range that the chain does not contain");
            }
            String recorded = hash(line, "eventHash");
            if (!computed.equals(recorded)) {
                return fail(index, id, "EVENT_CHANGED", "the recomputed event hash " + computed + " differs from the chain's "
                        + recorded + ": the payload, metadata or another column changed");
            }
            chainHash = chain(chainHash, computed);
            String recordedChain = hash(line, "chainHash");
            if (!chainHash.equals(recordedChain)) {
                return fail(index, id, "CHAIN_ALTERED", "the recomputed chain hash " + chainHash + " differs from the stated " + recordedChain);
            }
            events++;
            eventsSinceCheckpoint++;
            lastEventIndex = index;
            lastEventIdentifier = id;
            return null;
        }

        private Result checkpoint(Map<String, Object> line) {
            long index = number(line, "globalIndex");
            String signedAt = string(line, "signedAt");
            if (lastEventIndex == null || lastEventIndex != index) {
                return fail(index, null, "CHECKPOINT_MISMATCH", "the checkpoint does not follow the event it covers");
            }
            String signed = hash(line, "chainHash");
            if (!chainHash.equals(signed)) {
                return fail(index, lastEventIdentifier, "CHECKPOINT_MISMATCH", "the checkpoint signed at " + signedAt + " holds chain hash "
                        + signed + ", the recomputed chain has " + chainHash + ": an event up to this index"
                        + (lastCheckpointIndex == null ? "" : " (after the checkpoint at " + lastCheckpointIndex + ")") + " differs from what was signed");
            }
            String message = CHECKPOINT_PREFIX + index + ":" + signed + ":" + signedAt;
            if (!signatureValid(message, string(line, "signature"))) {
                return fail(index, lastEventIdentifier, "CHECKPOINT_SIGNATURE_INVALID", "the checkpoint signed at " + signedAt
                        + " does not verify with the given public key");
            }
            checkpoints++;
            lastCheckpointIndex = index;
            eventsSinceCheckpoint = 0;
            return null;
        }

        /** Every index of the range comes once, in order: a skipped index is a deleted event (or a deleted line). */
        private Result inOrder(long index, String id) {
            if (index < expected) {
                return fail(index, id, "MALFORMED_EXPORT", "global index " + index + " is out of order or repeated");
            }
            if (index > expected) {
                return fail(expected, null, "CHAIN_INCOMPLETE", "global index " + expected
                        + " is neither an event nor a recorded gap: an event (or its line) was removed");
            }
            if (index > to) {
                return fail(index, id, "MALFORMED_EXPORT", "global index " + index + " is beyond the header's range " + from + ".." + to);
            }
            expected = index + 1;
            return null;
        }

        private boolean signatureValid(String message, String signatureBase64) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initVerify(key);
                signature.update(message.getBytes(StandardCharsets.UTF_8));
                return signature.verify(Base64.getDecoder().decode(signatureBase64));
            } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
                return false;
            }
        }

        Result finish() {
            if (!headerSeen) {
                return fail(null, null, "MALFORMED_EXPORT", "the export is empty");
            }
            if (!endSeen) {
                return fail(null, null, "MALFORMED_EXPORT", "the export has no end line: it was truncated");
            }
            if (expected <= to) {
                return fail(expected, null, "CHAIN_INCOMPLETE", "global index " + expected
                        + " is neither an event nor a recorded gap: an event (or its line) was removed");
            }
            if (events > 0 && checkpoints == 0) {
                return fail(null, null, "NOT_SIGNED", "the export holds " + events + " events but no checkpoint: nothing in it is signed");
            }
            return new Result(events, gaps, checkpoints, lastCheckpointIndex, eventsSinceCheckpoint, chainHash, null);
        }

        Result fail(Long index, String id, String reason, String detail) {
            return new Result(events, gaps, checkpoints, lastCheckpointIndex, eventsSinceCheckpoint, chainHash,
                    new Mismatch(index, id, reason, detail));
        }
    }

    /** SHA-256 of the canonical form (see the class comment), lower-case hex. */
    public static String eventHash(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                                   String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                                   byte[] metaData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, utf8(EVENT_TAG));
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
        return HEX.formatHex(sha256().digest(out.toByteArray()));
    }

    /** SHA-256(previous || eventHash) over the raw bytes. */
    public static String chain(String previousChainHash, String eventHash) {
        MessageDigest digest = sha256();
        digest.update(HEX.parseHex(previousChainHash));
        digest.update(HEX.parseHex(eventHash));
        return HEX.formatHex(digest.digest());
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            out.write(0xFF);
            out.write(0xFF);
            out.write(0xFF);
            out.write(0xFF);
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // ---- reading the lines' fields --------------------------------------------------------------

    private static String string(Map<String, Object> line, String name) {
        Object value = line.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return s;
    }

    private static long number(Map<String, Object> line, String name) {
        Object value = line.get(name);
        if (!(value instanceof BigDecimal n)) {
            throw new IllegalArgumentException(name + " must be a number");
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }

    private static String hash(Map<String, Object> line, String name) {
        String value = string(line, name);
        if (value == null || !HEX_SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 64 lower-case hex digits");
        }
        return value;
    }

    /** A byte column: its UTF-8 text under {@code name}, or base64 under {@code name + "Base64"}, or null. */
    private static byte[] bytes(Map<String, Object> line, String name) {
        String base64 = string(line, name + "Base64");
        if (base64 != null) {
            try {
                return Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + "Base64 is not base64");
            }
        }
        String text = string(line, name);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A small, strict JSON reader (RFC 8259): objects become {@link LinkedHashMap}s, arrays
     * {@link ArrayList}s, numbers {@link BigDecimal}s, and strings, booleans and null themselves.
     */
    static final class Json {
        private final String text;
        private int pos;

        Json(String text) {
            this.text = text;
        }

        /** The one value the text holds; anything after it but white space is an error. */
        Object document() {
            Object value = value();
            skipWhitespace();
            if (pos != text.length()) {
                throw error("unexpected text after the JSON value");
            }
            return value;
        }

        private Object value() {
            skipWhitespace();
            if (pos >= text.length()) {
                throw error("unexpected end of the line");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            pos++;
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return object;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a field name");
                }
                String name = string();
                skipWhitespace();
                expect(':');
                if (object.containsKey(name)) {
                    throw error("field " + name + " appears twice");
                }
                object.put(name, value());
                skipWhitespace();
                char c = next();
                if (c == '}') {
                    return object;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            pos++;
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return array;
            }
            while (true) {
                array.add(value());
                skipWhitespace();
                char c = next();
                if (c == ']') {
                    return array;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char escape = next();
                switch (escape) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + escape);
                }
            }
        }

        private BigDecimal number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            if (!JSON_NUMBER.matcher(number).matches()) {
                throw error("bad number " + number);
            }
            return new BigDecimal(number);
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected text");
            }
            pos += word.length();
            return value;
        }

        private void skipWhitespace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private char next() {
            if (pos >= text.length()) {
                throw error("unexpected end of the line");
            }
            return text.charAt(pos++);
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("JSON: " + message + " at column " + (pos + 1));
        }
    }
}

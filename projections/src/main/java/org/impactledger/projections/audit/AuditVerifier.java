package org.impactledger.projections.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

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

    /** Compiled once: it is checked on every number {@link Json} reads. */
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
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            result = verify(in, key);
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
                failed = state.accept(new MapLine(line), lineNumber);
            } catch (IllegalArgumentException e) {
                return state.fail(null, null, "MALFORMED_EXPORT", "line " + lineNumber + ": " + e.getMessage());
            }
            if (failed != null) {
                return failed;
            }
        }
        return state.finish();
    }

    /**
     * Verifies an export read as UTF-8 bytes from {@code in} against {@code key}, with the same checks
     * and the same verdict as {@link #verify(Reader, PublicKey)}, using every core: blocks of whole
     * lines are read here and handed to worker threads, which read each line's fields
     * ({@link FastLine}, or {@link Json} for any line it is not sure of), hash event lines and verify
     * checkpoint signatures; this thread then takes the lines in file order and does everything that
     * depends on order (indexes, the chain, checkpoints against the chain, counts). Lines end at
     * {@code \n}, {@code \r} or {@code \r\n}, as for {@link BufferedReader#readLine()}; bytes that are
     * not UTF-8 make it throw, as reading the file as text does.
     */
    public static Result verify(InputStream in, PublicKey key) throws IOException {
        // blocks of 256 KiB: below half a G1 region even in a small heap (-Xmx256m: 1 MiB regions), so not
        // "humongous" objects, which would cost a collection cycle each
        return verify(in, key, 256 * 1024, Runtime.getRuntime().availableProcessors());
    }

    static Result verify(InputStream in, PublicKey key, int blockSize, int threads) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "audit-verifier");
            thread.setDaemon(true);
            return thread;
        });
        try {
            State state = new State(key);
            Blocks blocks = new Blocks(in, blockSize);
            ArrayDeque<Future<Prepared[]>> ahead = new ArrayDeque<>();
            long lineNumber = 0;
            while (true) {
                while (ahead.size() < 2 * Math.max(1, threads) + 1) {
                    Blocks.Block block = blocks.next();
                    if (block == null) {
                        break;
                    }
                    ahead.add(workers.submit(() -> prepare(block, key)));
                }
                Future<Prepared[]> next = ahead.poll();
                if (next == null) {
                    return state.finish();
                }
                for (Prepared line : await(next)) {
                    lineNumber++;
                    if (line.unreadable != null) {
                        throw line.unreadable;
                    }
                    if (line.blank) {
                        continue;
                    }
                    if (line.notObject) {
                        return state.fail(null, null, "MALFORMED_EXPORT", "line " + lineNumber + " is not a JSON object");
                    }
                    if (line.jsonError != null) {
                        return state.fail(null, null, "MALFORMED_EXPORT", "line " + lineNumber + ": " + line.jsonError);
                    }
                    Result failed;
                    try {
                        failed = state.accept(line.line, lineNumber);
                    } catch (IllegalArgumentException e) {
                        return state.fail(null, null, "MALFORMED_EXPORT", "line " + lineNumber + ": " + e.getMessage());
                    }
                    if (failed != null) {
                        return failed;
                    }
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** One line after a worker read it: blank, unreadable, not JSON, or its fields with the work done ahead. */
    private static final class Prepared {
        boolean blank;
        boolean notObject;
        String jsonError;
        IOException unreadable;
        Line line;
    }

    /** A worker's part: every line of the block read, event lines hashed, checkpoint signatures verified. */
    private static Prepared[] prepare(Blocks.Block block, PublicKey key) {
        byte[] b = block.bytes();
        int end = block.length();
        List<Prepared> lines = new ArrayList<>();
        // a Latin-1 view of the bytes (one copy), only to find the line ends with String.indexOf, which
        // the JIT compiles to vector instructions; a '\r' anywhere sends the block to the byte loop
        String view = new String(b, 0, end, StandardCharsets.ISO_8859_1);
        int start = 0;
        if (view.indexOf('\r') < 0) {
            int newline;
            while ((newline = view.indexOf('\n', start)) >= 0) {
                lines.add(prepare(b, start, newline, key));
                start = newline + 1;
            }
        } else {
            int p = 0;
            while (p < end) {
                byte c = b[p];
                if (c == '\n' || c == '\r') {
                    lines.add(prepare(b, start, p, key));
                    p += c == '\r' && p + 1 < end && b[p + 1] == '\n' ? 2 : 1;
                    start = p;
                } else {
                    p++;
                }
            }
        }
        if (start < end) {
            lines.add(prepare(b, start, end, key));
        }
        return lines.toArray(new Prepared[0]);
    }

    private static Prepared prepare(byte[] b, int from, int to, PublicKey key) {
        Prepared prepared = new Prepared();
        Line line = FastLine.scan(b, from, to);
        if (line == null) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, from, to - from)).toString();
            } catch (CharacterCodingException e) {
                prepared.unreadable = e;
                return prepared;
            }
            if (text.isBlank()) {
                prepared.blank = true;
                return prepared;
            }
            try {
                Object parsed = new Json(text).document();
                if (!(parsed instanceof Map<?, ?>)) {
                    prepared.notObject = true;
                    return prepared;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) parsed;
                line = new MapLine(object);
            } catch (IllegalArgumentException e) {
                prepared.jsonError = e.getMessage();
                return prepared;
            }
        }
        prepared.line = line;
        try {
            String kind = line.string("kind");
            if ("event".equals(kind)) {
                try {
                    line.eventHash = line.computeEventHash();
                } catch (IllegalArgumentException e) {
                    line.eventHashError = e;
                }
            } else if ("checkpoint".equals(kind)) {
                String message = CHECKPOINT_PREFIX + line.number("globalIndex") + ":" + line.hash("chainHash") + ":" + line.string("signedAt");
                line.signatureValid = State.signatureValid(key, message, line.string("signature"));
            }
        } catch (IllegalArgumentException e) {
            // nothing worked out ahead: the checks meet the same error where they always did
        }
        return prepared;
    }

    /** The input in blocks of whole lines: each block ends after its last {@code \n} (the last block: at the end of input). */
    private static final class Blocks {
        record Block(byte[] bytes, int length) {
        }

        private final InputStream in;
        private final int size;
        private byte[] carry = new byte[0];
        private int carried;
        private boolean ended;

        Blocks(InputStream in, int size) {
            this.in = in;
            this.size = size;
        }

        Block next() throws IOException {
            if (ended && carried == 0) {
                return null;
            }
            byte[] buffer = new byte[Math.max(size, carried * 2)];
            System.arraycopy(carry, 0, buffer, 0, carried);
            int length = carried;
            int searched = 0;
            while (true) {
                while (!ended && length < buffer.length) {
                    int n = in.read(buffer, length, buffer.length - length);
                    if (n < 0) {
                        ended = true;
                    } else {
                        length += n;
                    }
                }
                if (ended) {
                    carried = 0;
                    return length == 0 ? null : new Block(buffer, length);
                }
                int cut = length - 1;
                while (cut >= searched && buffer[cut] != '\n') {
                    cut--;
                }
                if (cut >= searched) {
                    carried = length - (cut + 1);
                    if (carry.length < carried) {
                        carry = new byte[Math.max(carried, size)];
                    }
                    System.arraycopy(buffer, cut + 1, carry, 0, carried);
                    return new Block(buffer, cut + 1);
                }
                searched = length; // one line longer than the block: a bigger block
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
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

        Result accept(Line line, long lineNumber) {
            String kind = line.string("kind");
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
                    if (!EVENT_TAG.equals(line.string("canonicalForm"))) {
                        return fail(null, null, "MALFORMED_EXPORT", "unknown canonical form " + line.string("canonicalForm"));
                    }
                    headerSeen = true;
                    from = line.number("from");
                    to = line.number("to");
                    expected = from;
                    chainHash = line.hash("previousChainHash");
                    return null;
                }
                case "event" -> {
                    return event(line);
                }
                case "gap" -> {
                    long index = line.number("globalIndex");
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
                    if (line.number("events") != events || line.number("gaps") != gaps || line.number("checkpoints") != checkpoints) {
                        return fail(null, null, "MALFORMED_EXPORT", "the end line counts " + line.number("events") + " events, "
                                + line.number("gaps") + " gaps and " + line.number("checkpoints") + " checkpoints; the file holds "
                                + events + ", " + gaps + " and " + checkpoints + ": lines were removed or added");
                    }
                    return null;
                }
                default -> {
                    return fail(null, null, "MALFORMED_EXPORT", "line " + lineNumber + " has an unknown kind " + kind);
                }
            }
        }

        private Result event(Line line) {
            long index = line.number("globalIndex");
            String id = line.string("eventIdentifier");
            Result order = inOrder(index, id);
            if (order != null) {
                return order;
            }
            if (line.isTrue("missing")) {
                return fail(index, id, "EVENT_DELETED", "the chained event is no longer in the event store");
            }
            String computed = line.eventHash();
            if (!line.has("eventHash")) {
                return fail(index, id, "EVENT_INSERTED", "an event row inside the chained range that the chain does not contain");
            }
            String recorded = line.hash("eventHash");
            if (!computed.equals(recorded)) {
                return fail(index, id, "EVENT_CHANGED", "the recomputed event hash " + computed + " differs from the chain's "
                        + recorded + ": the payload, metadata or another column changed");
            }
            chainHash = chain(chainHash, computed);
            String recordedChain = line.hash("chainHash");
            if (!chainHash.equals(recordedChain)) {
                return fail(index, id, "CHAIN_ALTERED", "the recomputed chain hash " + chainHash + " differs from the stated " + recordedChain);
            }
            events++;
            eventsSinceCheckpoint++;
            lastEventIndex = index;
            lastEventIdentifier = id;
            return null;
        }

        private Result checkpoint(Line line) {
            long index = line.number("globalIndex");
            String signedAt = line.string("signedAt");
            if (lastEventIndex == null || lastEventIndex != index) {
                return fail(index, null, "CHECKPOINT_MISMATCH", "the checkpoint does not follow the event it covers");
            }
            String signed = line.hash("chainHash");
            if (!chainHash.equals(signed)) {
                return fail(index, lastEventIdentifier, "CHECKPOINT_MISMATCH", "the checkpoint signed at " + signedAt + " holds chain hash "
                        + signed + ", the recomputed chain has " + chainHash + ": an event up to this index"
                        + (lastCheckpointIndex == null ? "" : " (after the checkpoint at " + lastCheckpointIndex + ")") + " differs from what was signed");
            }
            String message = CHECKPOINT_PREFIX + index + ":" + signed + ":" + signedAt;
            boolean valid = line.signatureValid != null ? line.signatureValid : signatureValid(key, message, line.string("signature"));
            if (!valid) {
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

        /**
         * Whether the base64 text is an Ed25519 signature of the message by the key: exactly 64 bytes (RFC 8032; the
         * JDK's verifier alone also accepts a valid signature followed by more bytes), verified by the JDK.
         */
        private static boolean signatureValid(PublicKey key, String message, String signatureBase64) {
            try {
                byte[] bytes = Base64.getDecoder().decode(signatureBase64);
                if (bytes.length != 64) {
                    return false;
                }
                Signature signature = Signature.getInstance("Ed25519");
                signature.initVerify(key);
                signature.update(message.getBytes(StandardCharsets.UTF_8));
                return signature.verify(bytes);
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
        MessageDigest digest = sha256();
        digest.update(EVENT_TAG_FIELD);
        field(digest, utf8(Long.toString(globalIndex)));
        field(digest, utf8(eventIdentifier));
        field(digest, utf8(aggregateIdentifier));
        field(digest, utf8(Long.toString(sequenceNumber)));
        field(digest, utf8(type));
        field(digest, utf8(timeStamp));
        field(digest, utf8(payloadType));
        field(digest, utf8(payloadRevision));
        field(digest, payload);
        field(digest, metaData);
        return HEX.formatHex(digest.digest());
    }

    /** SHA-256(previous || eventHash) over the raw bytes. */
    public static String chain(String previousChainHash, String eventHash) {
        MessageDigest digest = sha256();
        digest.update(HEX.parseHex(previousChainHash));
        digest.update(HEX.parseHex(eventHash));
        return HEX.formatHex(digest.digest());
    }

    /** The canonical form's field: 4-byte big-endian length and the bytes, or 0xFFFFFFFF for null; fed straight to the digest. */
    private static void field(MessageDigest digest, byte[] value) {
        if (value == null) {
            digest.update(NULL_FIELD);
            return;
        }
        digest.update(length(value.length));
        digest.update(value);
    }

    private static byte[] length(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static final byte[] NULL_FIELD = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    /** The tag's canonical field, the same at the start of every event's form. */
    private static final byte[] EVENT_TAG_FIELD = tagField();

    private static byte[] tagField() {
        byte[] tag = utf8(EVENT_TAG);
        byte[] field = Arrays.copyOf(length(tag.length), 4 + tag.length);
        System.arraycopy(tag, 0, field, 4, tag.length);
        return field;
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** One SHA-256 per thread, reset, reused (a million events ask for two each); finished by {@code digest()}. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private static MessageDigest sha256() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }

    // ---- reading the lines' fields --------------------------------------------------------------

    /**
     * One line's fields as the checks read them. Both readers give the same answers for the same
     * line: {@link MapLine} over what {@link Json} parsed, and {@link FastLine} straight over the
     * line's bytes (which takes only the lines it is sure of and leaves every other to {@link Json}).
     * The event hash and a checkpoint's signature may be worked out ahead, on another thread; they
     * are the same functions of the line, so the checks come out the same.
     */
    abstract static class Line {
        /** The event hash of an event line, when worked out ahead. */
        String eventHash;
        /** What working the event hash out ahead threw (the checks throw it where they would have). */
        IllegalArgumentException eventHashError;
        /** Whether a checkpoint line's signature verifies, when worked out ahead. */
        Boolean signatureValid;

        /** The string under {@code name}, or null when it is absent or JSON null; throws when it is another kind of value. */
        abstract String string(String name);

        /** The whole number under {@code name}; throws when there is none. */
        abstract long number(String name);

        abstract boolean has(String name);

        /** Whether {@code name} holds JSON true. */
        abstract boolean isTrue(String name);

        /** 64 lower-case hex digits under {@code name}. */
        String hash(String name) {
            String value = string(name);
            if (!isSha256Hex(value)) {
                throw new IllegalArgumentException(name + " must be 64 lower-case hex digits");
            }
            return value;
        }

        /** A byte column: its UTF-8 text under {@code name}, or base64 under {@code name + "Base64"}, or null. */
        byte[] bytes(String name) {
            String base64 = string(name + "Base64");
            if (base64 != null) {
                try {
                    return Base64.getDecoder().decode(base64);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + "Base64 is not base64");
                }
            }
            String text = string(name);
            return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        }

        /** The event hash of this (event) line: given when worked out ahead, else computed now. */
        String eventHash() {
            if (eventHash != null) {
                return eventHash;
            }
            if (eventHashError != null) {
                throw eventHashError;
            }
            return computeEventHash();
        }

        /** The canonical form's fields in their order: the first field that is not what it should be throws, as it always did. */
        String computeEventHash() {
            return AuditVerifier.eventHash(number("globalIndex"), string("eventIdentifier"), string("aggregateIdentifier"),
                    number("sequenceNumber"), string("type"), string("timeStamp"), string("payloadType"), string("payloadRevision"),
                    bytes("payload"), bytes("metaData"));
        }
    }

    private static boolean isSha256Hex(String value) {
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** A line as {@link Json} parsed it. */
    static final class MapLine extends Line {
        private final Map<String, Object> fields;

        MapLine(Map<String, Object> fields) {
            this.fields = fields;
        }

        @Override
        String string(String name) {
            Object value = fields.get(name);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String s)) {
                throw new IllegalArgumentException(name + " must be a string");
            }
            return s;
        }

        @Override
        long number(String name) {
            Object value = fields.get(name);
            if (!(value instanceof BigDecimal n)) {
                throw new IllegalArgumentException(name + " must be a number");
            }
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(name + " must be a whole number");
            }
        }

        @Override
        boolean has(String name) {
            return fields.containsKey(name);
        }

        @Override
        boolean isTrue(String name) {
            return Boolean.TRUE.equals(fields.get(name));
        }
    }

    /**
     * A line read straight from its UTF-8 bytes, for the lines the export writes: one JSON object
     * whose values are strings, whole numbers of up to 18 digits, true, false or null, with field names
     * in plain ASCII. {@link #scan} answers {@code null} for anything else (nested values, other
     * numbers, a repeated name, an escaped surrogate, bytes that are not strict UTF-8, an error), and
     * such a line goes to {@link Json}, which accepts or refuses it exactly as before. So a line
     * {@code FastLine} reads is one that {@link Json} reads to the same values.
     */
    static final class FastLine extends Line {
        private static final int MAX_FIELDS = 16; // an export line has at most 13
        private static final byte STRING = 1;
        private static final byte NUMBER = 2;
        private static final byte TRUE = 3;
        private static final byte FALSE = 4;
        private static final byte NULL = 5;

        private final byte[] b;
        private final int[] names = new int[MAX_FIELDS * 2];
        private final int[] values = new int[MAX_FIELDS * 2];
        private final byte[] types = new byte[MAX_FIELDS];
        private final boolean[] escaped = new boolean[MAX_FIELDS];
        private final long[] numbers = new long[MAX_FIELDS];
        private int count;

        private FastLine(byte[] b) {
            this.b = b;
        }

        /** The line {@code b[from, to)} read, or {@code null} when it is not one this reader is sure of. */
        static FastLine scan(byte[] b, int from, int to) {
            FastLine line = new FastLine(b);
            int p = skipBlanks(b, from, to);
            if (p >= to || b[p] != '{') {
                return null;
            }
            p = skipBlanks(b, p + 1, to);
            if (p < to && b[p] == '}') {
                return skipBlanks(b, p + 1, to) == to ? line : null;
            }
            while (true) {
                if (p >= to || b[p] != '"' || line.count == MAX_FIELDS) {
                    return null;
                }
                int nameStart = p + 1;
                int nameEnd = nameStart;
                while (nameEnd < to && b[nameEnd] != '"') {
                    byte c = b[nameEnd];
                    if (c < 0x20 || c == '\\') { // controls, escapes and every non-ASCII byte (negative) go to Json
                        return null;
                    }
                    nameEnd++;
                }
                if (nameEnd >= to) {
                    return null;
                }
                int f = line.count;
                for (int g = 0; g < f; g++) {
                    if (Arrays.equals(b, line.names[2 * g], line.names[2 * g + 1], b, nameStart, nameEnd)) {
                        return null;
                    }
                }
                p = skipBlanks(b, nameEnd + 1, to);
                if (p >= to || b[p] != ':') {
                    return null;
                }
                p = skipBlanks(b, p + 1, to);
                if (p >= to) {
                    return null;
                }
                line.names[2 * f] = nameStart;
                line.names[2 * f + 1] = nameEnd;
                byte c = b[p];
                if (c == '"') {
                    int end = line.string(f, p + 1, to);
                    if (end < 0) {
                        return null;
                    }
                    line.types[f] = STRING;
                    line.values[2 * f] = p + 1;
                    line.values[2 * f + 1] = end;
                    p = end + 1;
                } else if (c == '-' || (c >= '0' && c <= '9')) {
                    int q = c == '-' ? p + 1 : p;
                    int digits = q;
                    long n = 0;
                    while (q < to && b[q] >= '0' && b[q] <= '9') {
                        n = n * 10 + (b[q] - '0');
                        q++;
                    }
                    int length = q - digits;
                    if (length == 0 || length > 18 || (b[digits] == '0' && length > 1)) {
                        return null;
                    }
                    if (q < to && (b[q] == '.' || b[q] == 'e' || b[q] == 'E' || b[q] == '+' || b[q] == '-')) {
                        return null;
                    }
                    line.types[f] = NUMBER;
                    line.numbers[f] = c == '-' ? -n : n;
                    p = q;
                } else if (word(b, p, to, "true")) {
                    line.types[f] = TRUE;
                    p += 4;
                } else if (word(b, p, to, "false")) {
                    line.types[f] = FALSE;
                    p += 5;
                } else if (word(b, p, to, "null")) {
                    line.types[f] = NULL;
                    p += 4;
                } else {
                    return null;
                }
                line.count++;
                p = skipBlanks(b, p, to);
                if (p >= to) {
                    return null;
                }
                if (b[p] == '}') {
                    return skipBlanks(b, p + 1, to) == to ? line : null;
                }
                if (b[p] != ',') {
                    return null;
                }
                p = skipBlanks(b, p + 1, to);
            }
        }

        /** Scans a string's content from {@code p}; the index of its closing quote, or -1 when Json should read the line. */
        private int string(int f, int p, int to) {
            while (p < to) {
                int c = b[p];
                if (c == '"') {
                    return p;
                }
                if (c == '\\') {
                    if (p + 1 >= to) {
                        return -1;
                    }
                    switch (b[p + 1]) {
                        case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> p += 2;
                        case 'u' -> {
                            int u = hex4(b, p + 2, to);
                            if (u < 0 || (u >= 0xD800 && u <= 0xDFFF)) { // surrogates: Json pairs them (or not) itself
                                return -1;
                            }
                            p += 6;
                        }
                        default -> {
                            return -1;
                        }
                    }
                    escaped[f] = true;
                } else if (c >= 0x20) {
                    p++;
                } else if (c >= 0) {
                    return -1; // a control character
                } else {
                    int n = utf8Sequence(b, p, to);
                    if (n < 0) {
                        return -1;
                    }
                    p += n;
                }
            }
            return -1;
        }

        private int find(String name) {
            int length = name.length();
            for (int f = 0; f < count; f++) {
                int start = names[2 * f];
                if (names[2 * f + 1] - start == length) {
                    int i = 0;
                    while (i < length && b[start + i] == name.charAt(i)) {
                        i++;
                    }
                    if (i == length) {
                        return f;
                    }
                }
            }
            return -1;
        }

        /** The string field under {@code name}, or -1 when it is absent or JSON null; throws as {@link #string} does. */
        private int text(String name) {
            int f = find(name);
            if (f < 0 || types[f] == NULL) {
                return -1;
            }
            if (types[f] != STRING) {
                throw new IllegalArgumentException(name + " must be a string");
            }
            return f;
        }

        @Override
        String string(String name) {
            int f = text(name);
            if (f < 0) {
                return null;
            }
            return escaped[f] ? new String(unescape(f), StandardCharsets.UTF_8)
                    : new String(b, values[2 * f], values[2 * f + 1] - values[2 * f], StandardCharsets.UTF_8);
        }

        /**
         * {@link Line#computeEventHash()} without making strings: the same fields read (and refused) in
         * the same order first, then each string's UTF-8 fed to the digest from the line's bytes (as
         * they stand, the scan having checked them, or with escapes undone).
         */
        @Override
        String computeEventHash() {
            long globalIndex = number("globalIndex");
            int eventIdentifier = text("eventIdentifier");
            int aggregateIdentifier = text("aggregateIdentifier");
            long sequenceNumber = number("sequenceNumber");
            int type = text("type");
            int timeStamp = text("timeStamp");
            int payloadType = text("payloadType");
            int payloadRevision = text("payloadRevision");
            boolean payloadInBase64 = has("payloadBase64");
            byte[] payloadBytes = payloadInBase64 ? super.bytes("payload") : null;
            int payload = payloadInBase64 ? -1 : text("payload");
            boolean metaDataInBase64 = has("metaDataBase64");
            byte[] metaDataBytes = metaDataInBase64 ? super.bytes("metaData") : null;
            int metaData = metaDataInBase64 ? -1 : text("metaData");
            MessageDigest digest = sha256();
            digest.update(EVENT_TAG_FIELD);
            field(digest, utf8(Long.toString(globalIndex)));
            span(digest, eventIdentifier);
            span(digest, aggregateIdentifier);
            field(digest, utf8(Long.toString(sequenceNumber)));
            span(digest, type);
            span(digest, timeStamp);
            span(digest, payloadType);
            span(digest, payloadRevision);
            if (payloadInBase64) {
                field(digest, payloadBytes);
            } else {
                span(digest, payload);
            }
            if (metaDataInBase64) {
                field(digest, metaDataBytes);
            } else {
                span(digest, metaData);
            }
            return HEX.formatHex(digest.digest());
        }

        /** The canonical field of string field {@code f} (-1: null). */
        private void span(MessageDigest digest, int f) {
            if (f < 0) {
                digest.update(NULL_FIELD);
            } else if (escaped[f]) {
                field(digest, unescape(f));
            } else {
                int from = values[2 * f];
                int length = values[2 * f + 1] - from;
                digest.update(length(length));
                digest.update(b, from, length);
            }
        }

        @Override
        byte[] bytes(String name) {
            if (find(name + "Base64") >= 0) {
                return super.bytes(name);
            }
            int f = find(name);
            if (f < 0 || types[f] == NULL) {
                return null;
            }
            if (types[f] != STRING) {
                throw new IllegalArgumentException(name + " must be a string");
            }
            // the UTF-8 of the string's value: the bytes as they stand (the scan checked them), escapes undone
            return escaped[f] ? unescape(f) : Arrays.copyOfRange(b, values[2 * f], values[2 * f + 1]);
        }

        @Override
        String hash(String name) {
            int f = find(name);
            if (f >= 0 && types[f] == STRING && !escaped[f]) { // as it stands: 64 ASCII bytes are 64 chars
                int from = values[2 * f];
                if (values[2 * f + 1] - from == 64 && hex(b, from)) {
                    return new String(b, from, 64, StandardCharsets.ISO_8859_1);
                }
            }
            return super.hash(name);
        }

        private static boolean hex(byte[] b, int from) {
            for (int i = from; i < from + 64; i++) {
                byte c = b[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        long number(String name) {
            int f = find(name);
            if (f < 0 || types[f] != NUMBER) {
                throw new IllegalArgumentException(name + " must be a number");
            }
            return numbers[f];
        }

        @Override
        boolean has(String name) {
            return find(name) >= 0;
        }

        @Override
        boolean isTrue(String name) {
            int f = find(name);
            return f >= 0 && types[f] == TRUE;
        }

        /** The UTF-8 bytes of an escaped string's value (no escaped surrogates: the scan left those to Json). */
        private byte[] unescape(int f) {
            int from = values[2 * f];
            int to = values[2 * f + 1];
            byte[] out = new byte[to - from];
            int n = 0;
            for (int p = from; p < to; p++) {
                byte c = b[p];
                if (c != '\\') {
                    out[n++] = c;
                    continue;
                }
                byte e = b[++p];
                switch (e) {
                    case 'b' -> out[n++] = '\b';
                    case 'f' -> out[n++] = '\f';
                    case 'n' -> out[n++] = '\n';
                    case 'r' -> out[n++] = '\r';
                    case 't' -> out[n++] = '\t';
                    case 'u' -> {
                        int u = hex4(b, p + 1, to);
                        p += 4;
                        if (u < 0x80) {
                            out[n++] = (byte) u;
                        } else if (u < 0x800) {
                            out[n++] = (byte) (0xC0 | (u >> 6));
                            out[n++] = (byte) (0x80 | (u & 0x3F));
                        } else {
                            out[n++] = (byte) (0xE0 | (u >> 12));
                            out[n++] = (byte) (0x80 | ((u >> 6) & 0x3F));
                            out[n++] = (byte) (0x80 | (u & 0x3F));
                        }
                    }
                    default -> out[n++] = e; // " \ /
                }
            }
            return Arrays.copyOf(out, n);
        }

        private static int hex4(byte[] b, int p, int to) {
            if (p + 4 > to) {
                return -1;
            }
            int u = 0;
            for (int i = p; i < p + 4; i++) {
                int d = Character.digit(b[i], 16);
                if (d < 0) {
                    return -1;
                }
                u = u * 16 + d;
            }
            return u;
        }

        /** The length of the strict UTF-8 sequence (as Java's decoder accepts it) at {@code p}, or -1. */
        private static int utf8Sequence(byte[] b, int p, int to) {
            int c = b[p] & 0xFF;
            int n;
            int min = 0x80;
            int max = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 3;
                if (c == 0xE0) {
                    min = 0xA0;
                } else if (c == 0xED) {
                    max = 0x9F; // no encoded surrogates
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 4;
                if (c == 0xF0) {
                    min = 0x90;
                } else if (c == 0xF4) {
                    max = 0x8F;
                }
            } else {
                return -1;
            }
            if (p + n > to) {
                return -1;
            }
            int second = b[p + 1] & 0xFF;
            if (second < min || second > max) {
                return -1;
            }
            for (int i = p + 2; i < p + n; i++) {
                int next = b[i] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return -1;
                }
            }
            return n;
        }

        private static int skipBlanks(byte[] b, int p, int to) {
            while (p < to && (b[p] == ' ' || b[p] == '\t')) {
                p++;
            }
            return p;
        }

        private static boolean word(byte[] b, int p, int to, String word) {
            if (p + word.length() > to) {
                return false;
            }
            for (int i = 0; i < word.length(); i++) {
                if (b[p + i] != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
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

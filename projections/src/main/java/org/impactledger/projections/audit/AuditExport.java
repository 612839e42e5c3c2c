package org.impactledger.projections.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.impactledger.core.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the audit trail as NDJSON (one JSON object a line, UTF-8) for offline verification with
 * {@link AuditVerifier}. The lines are written batch by batch as the chain is walked, never
 * gathered in memory.
 *
 * <p>Lines, in global order ({@code kind} says which):
 * <ul>
 *   <li>{@code header}: format, canonical form, the range {@code from..to} (clamped to the chain head
 *       when the export starts) and {@code previousChainHash}, the chain hash before {@code from}
 *       (genesis for a full export)</li>
 *   <li>{@code event}: every column of the current row that the event hash covers ({@code payload}
 *       and {@code metaData} as their UTF-8 JSON text, or {@code payloadBase64} /
 *       {@code metaDataBase64} when the bytes are not valid UTF-8), plus the {@code eventHash} and
 *       {@code chainHash} the chain recorded. A chained event whose row is gone is written with
 *       {@code "missing": true}; a row the chain does not hold is written without hashes.</li>
 *   <li>{@code gap}: an index recorded as permanently empty</li>
 *   <li>{@code checkpoint}: a signed checkpoint, right after the event it covers</li>
 *   <li>{@code end}: the counts of the lines above, so that a truncated file is recognised</li>
 * </ul>
 * The export states what the ledger holds and what it recorded; it is the verifier's job to trust
 * none of it but the signatures.
 */
public class AuditExport {

    public static final String FORMAT = "impact-ledger-audit-export:v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AuditSigner signer;
    private final Clock clock;
    private final int batch;

    public AuditExport(JdbcClient jdbc, AuditSigner signer, AuditProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.clock = clock;
        this.batch = properties.batchSize();
    }

    /** Refuses a bad range by parameter name before anything is written. */
    public static void checkRange(Long from, Long to) {
        if (from != null && from < 1) {
            throw DomainException.invalid("from", "from must be a global index of at least 1, was " + from);
        }
        if (to != null && to < 1) {
            throw DomainException.invalid("to", "to must be a global index of at least 1, was " + to);
        }
        if (from != null && to != null && from > to) {
            throw DomainException.invalid("from", "from (" + from + ") must not be above to (" + to + ")");
        }
    }

    /**
     * Writes the export of {@code [from, to]} (either may be {@code null}: from the first event, up
     * to the chain head) to {@code out}; does not close it.
     */
    public void write(OutputStream out, Long from, Long to) {
        checkRange(from, to);
        ChainHead head = jdbc.sql(ChainHead.SELECT).query(ChainHead.MAPPER).single();
        long first = from == null ? 1 : from;
        long last = to == null ? head.headIndex() : Math.min(to, head.headIndex());
        ChainWalk walk = new ChainWalk(jdbc, batch);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        long[] counts = new long[3];
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("kind", "header");
            header.put("format", FORMAT);
            header.put("canonicalForm", StoredEvent.CANONICAL_TAG);
            header.put("from", first);
            header.put("to", last);
            header.put("previousChainHash", walk.chainHashBefore(first));
            header.put("headIndex", head.lastEventIndex());
            header.put("headHash", head.chainHash());
            header.put("keyId", signer.keyId());
            header.put("exportedAt", clock.instant().toString());
            line(writer, header);
            walk.walk(first, last, position -> {
                if (position.chained() != null || position.stored() != null) {
                    line(writer, event(position));
                    counts[0]++;
                } else if (position.gap() != null) {
                    Map<String, Object> gap = new LinkedHashMap<>();
                    gap.put("kind", "gap");
                    gap.put("globalIndex", position.globalIndex());
                    gap.put("passedAt", String.valueOf(position.gap().passedAt()));
                    line(writer, gap);
                    counts[1]++;
                }
                if (position.checkpoint() != null) {
                    line(writer, checkpoint(position.checkpoint()));
                    counts[2]++;
                }
                return true;
            });
            Map<String, Object> end = new LinkedHashMap<>();
            end.put("kind", "end");
            end.put("events", counts[0]);
            end.put("gaps", counts[1]);
            end.put("checkpoints", counts[2]);
            line(writer, end);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> event(ChainWalk.Position position) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "event");
        line.put("globalIndex", position.globalIndex());
        StoredEvent e = position.stored();
        if (e == null) {
            line.put("eventIdentifier", position.chained().eventIdentifier());
            line.put("missing", true);
        } else {
            line.put("eventIdentifier", e.eventIdentifier());
            line.put("aggregateIdentifier", e.aggregateIdentifier());
            line.put("sequenceNumber", e.sequenceNumber());
            line.put("type", e.type());
            line.put("timeStamp", e.timeStamp());
            line.put("payloadType", e.payloadType());
            line.put("payloadRevision", e.payloadRevision());
            bytes(line, "payload", e.payload());
            bytes(line, "metaData", e.metaData());
        }
        if (position.chained() != null) {
            line.put("eventHash", position.chained().eventHash());
            line.put("chainHash", position.chained().chainHash());
        }
        return line;
    }

    private static Map<String, Object> checkpoint(ChainWalk.Checkpoint c) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", "checkpoint");
        line.put("globalIndex", c.globalIndex());
        line.put("chainHash", c.chainHash());
        line.put("eventCount", c.eventCount());
        line.put("signedAt", c.signedAt());
        line.put("algorithm", c.algorithm());
        line.put("keyId", c.keyId());
        line.put("signature", c.signature());
        return line;
    }

    /** The JSON text when the bytes are strict UTF-8 (as the ledger writes them), else base64, so the bytes survive exactly. */
    private static void bytes(Map<String, Object> line, String name, byte[] value) {
        if (value == null) {
            line.put(name, null);
            return;
        }
        try {
            line.put(name, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString());
        } catch (CharacterCodingException e) {
            line.put(name + "Base64", Base64.getEncoder().encodeToString(value));
        }
    }

    private static void line(Writer writer, Map<String, Object> value) {
        try {
            writer.write(JSON.writeValueAsString(value));
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

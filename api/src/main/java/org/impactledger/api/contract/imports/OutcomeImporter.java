package org.impactledger.api.contract.imports;

import jakarta.validation.Validator;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.impactledger.api.contract.imports.OutcomeRows.RowRefusal;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.RequestContext;
import org.impactledger.core.contract.ReportOutcomesResult;
import org.impactledger.core.contract.command.OutcomeReport;
import org.impactledger.core.contract.command.ReportOutcomes;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.infra.imports.OutcomeImports.Progress;
import org.impactledger.infra.imports.OutcomeImports.Rejection;
import org.impactledger.infra.imports.OutcomeImports.Status;
import org.impactledger.infra.imports.OutcomeImports.Summary;
import org.impactledger.infra.imports.OutcomeImports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.impactledger.api.config.StrictJson;
import org.impactledger.api.web.JsonInputErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a bulk outcome import, in the request's thread:
 *
 * <ol>
 *   <li>asks the contract whether the caller may report on it (an empty {@link ReportOutcomes}: open
 *       contract, own provider), before reading anything;</li>
 *   <li>receives the body as a stream into a temporary file, line by line, computing its SHA-256 and
 *       checking its structure (header, line length, quotes, one JSON object per line): a malformed
 *       file is refused with the line, before any event is appended;</li>
 *   <li>answers a file this contract already imported completely (same SHA-256) with
 *       {@code ALREADY_IMPORTED}, reading no row;</li>
 *   <li>reads the rows again from the file and sends them in {@link ReportOutcomes} batches; after each
 *       batch the counters and rejected rows are recorded, so progress is visible to a concurrent GET.</li>
 * </ol>
 *
 * Neither the file nor the rows are ever held in memory whole: one batch at a time.
 */
@Component
@EnableConfigurationProperties(OutcomeImportProperties.class)
public class OutcomeImporter {

    private static final Logger log = LoggerFactory.getLogger(OutcomeImporter.class);

    /** The formats, by the media type of the request. */
    public enum Format {
        CSV, NDJSON;

        public static Format of(String contentType) {
            String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
            return switch (type) {
                case "text/csv" -> CSV;
                case "application/x-ndjson", "application/jsonl", "application/json-lines" -> NDJSON;
                default -> throw DomainException.invalid("Content-Type", "Content-Type must be text/csv or application/x-ndjson, was '"
                        + (contentType == null ? "" : contentType) + "'");
            };
        }
    }

    private final CommandDispatcher dispatcher;
    private final OutcomeImports imports;
    private final Validator validator;
    private final OutcomeImportProperties properties;
    /** Rows are read as strictly as a request body (StrictJson): no coercion, no key twice. */
    private static final JsonMapper JSON = StrictJson.strict(JsonMapper.builder()).build();
    private final ObjectReader json = JSON.readerFor(org.impactledger.api.contract.ContractRequests.ReportOutcomeRequest.class);

    public OutcomeImporter(CommandDispatcher dispatcher, OutcomeImports imports, Validator validator, OutcomeImportProperties properties) {
        this.dispatcher = dispatcher;
        this.imports = imports;
        this.validator = validator;
        this.properties = properties;
    }

    /**
     * Imports the file; returns the import as recorded at the end.
     *
     * @param context the request's context; its principal reports the outcomes, the import id is the events' correlation id
     */
    public Summary run(ContractId contractId, String importId, Format format, InputStream body, RequestContext context) {
        RequestContext batchContext = new RequestContext(context.principal(), context.role(), null, importId, context.businessDate(),
                context.caller());
        // may the caller report on this contract at all? the contract answers (404, 403 or 409) before the body is read
        dispatcher.send(new ReportOutcomes(contractId, List.of(), context.principal(), context.actingProvider()), batchContext);
        try {
            imports.start(importId, contractId.value(), format.name(), context.principal());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // a concurrent request with the same import id started first
            throw new DomainException(ErrorCode.ALREADY_EXISTS, "importId", "import id " + importId + " is already in use");
        }
        Path spool = null;
        try {
            spool = Files.createTempFile("outcome-import-", ".txt");
            OutcomeRows rows = new OutcomeRows(contractId, validator, json);
            String sha256 = receive(body, spool, format, rows);
            imports.contentHash(importId, sha256);
            Optional<Summary> earlier = imports.completedWithContent(contractId.value(), sha256, importId);
            if (earlier.isPresent()) {
                imports.finish(importId, Status.ALREADY_IMPORTED, earlier.get().importId());
            } else {
                importRows(contractId, importId, format, spool, rows, batchContext);
                imports.finish(importId, Status.COMPLETED, null);
            }
            return imports.find(importId).orElseThrow();
        } catch (DomainException e) {
            imports.fail(importId, e.getMessage());
            throw e;
        } catch (IOException | UncheckedIOException e) {
            imports.fail(importId, "the file could not be read to the end (" + e.getClass().getSimpleName() + ")");
            throw DomainException.invalid("file", "the file could not be read to the end; nothing after the last recorded batch was imported");
        } catch (RuntimeException e) {
            log.error("Outcome import {} failed", importId, e);
            imports.fail(importId, "an unexpected error stopped the import; it has been logged");
            throw e;
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    log.warn("Could not delete the spool file {} of import {}", spool, importId, e);
                }
            }
        }
    }

    /** Copies the body into the spool file line by line, checking the structure; returns the SHA-256 of the bytes received. */
    private String receive(InputStream body, Path spool, Format format, OutcomeRows rows) throws IOException {
        MessageDigest digest = sha256();
        boolean header = format == Format.CSV;
        long dataRows = 0;
        try (Reader reader = new InputStreamReader(new DigestInputStream(new Limited(body, properties.getMaxBytes()), digest), StandardCharsets.UTF_8);
             Writer out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(reader, properties.getMaxLineLength());
            String line;
            while ((line = lines.next()) != null) {
                long number = lines.number();
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                out.write(line);
                out.write('\n');
                if (line.isBlank()) {
                    continue;
                }
                if (header) {
                    rows.csvHeader(line, number);
                    header = false;
                    continue;
                }
                checkStructure(line, number, format);
                dataRows++;
            }
        }
        if (header) {
            throw DomainException.invalid("file", "line 1: empty file; the first line must be the header: " + String.join(",", OutcomeRows.COLUMNS));
        }
        if (dataRows == 0) {
            throw DomainException.invalid("file", "the file has no rows to import");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void checkStructure(String line, long number, Format format) {
        if (format == Format.NDJSON) {
            String t = line.strip();
            if (!t.startsWith("{") || !t.endsWith("}")) {
                throw DomainException.invalid("file", "line " + number + ": not a JSON object; each line must be one outcome report as JSON");
            }
            checkJsonObject(t, number);
        } else if (line.chars().filter(c -> c == '"').count() % 2 != 0) {
            throw DomainException.invalid("file", "line " + number + ": a quoted field is not closed (fields cannot span lines)");
        }
    }

    /**
     * Reads the line's tokens (no values are bound): it must be one well-formed JSON object with each
     * key once. A key twice ({@code "outcomeId"} twice: which one did the provider mean?) or broken
     * JSON refuses the file, naming the line, as any other malformed line does.
     */
    private static void checkJsonObject(String line, long number) {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw DomainException.invalid("file", "line " + number + ": not a JSON object; each line must be one outcome report as JSON");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw DomainException.invalid("file", "line " + number + ": more than one JSON value; each line must be one outcome report as JSON");
            }
        } catch (JacksonException e) {
            JsonInputErrors.Described error = JsonInputErrors.describe(e);
            throw DomainException.invalid("file", "line " + number + ": " + (error.field().isEmpty() ? "" : error.field() + ": ") + error.message());
        }
    }

    private void importRows(ContractId contractId, String importId, Format format, Path spool, OutcomeRows rows, RequestContext context)
            throws IOException {
        int batchSize = Math.max(1, properties.getBatchSize());
        List<OutcomeReport> batch = new ArrayList<>(batchSize);
        List<Long> batchLines = new ArrayList<>(batchSize);
        List<Rejection> rejections = new ArrayList<>();
        long rejectedTotal = 0;
        long rowsSinceFlush = 0;
        boolean header = format == Format.CSV;
        try (Reader reader = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(reader, properties.getMaxLineLength());
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                long number = lines.number();
                rowsSinceFlush++;
                try {
                    batch.add(format == Format.CSV ? rows.csvRow(line, number) : rows.jsonRow(line));
                    batchLines.add(number);
                } catch (RowRefusal r) {
                    rejections.add(new Rejection(number, r.field, r.code, r.getMessage()));
                } catch (DomainException e) {
                    rejections.add(new Rejection(number, e.field(), e.code().name(), e.getMessage()));
                }
                if (rowsSinceFlush >= batchSize) {
                    rejectedTotal += flush(contractId, importId, batch, batchLines, rejections, rowsSinceFlush, rejectedTotal, context);
                    rowsSinceFlush = 0;
                }
            }
        }
        if (rowsSinceFlush > 0) {
            flush(contractId, importId, batch, batchLines, rejections, rowsSinceFlush, rejectedTotal, context);
        }
    }

    /** Sends the batch, records its counters and rejected rows; returns the number rejected. */
    private long flush(ContractId contractId, String importId, List<OutcomeReport> batch, List<Long> batchLines, List<Rejection> rejections,
                       long rowsRead, long rejectedBefore, RequestContext context) {
        int accepted = 0;
        int alreadyReported = 0;
        if (!batch.isEmpty()) {
            ReportOutcomesResult result = (ReportOutcomesResult) dispatcher.send(new ReportOutcomes(contractId, batch, context.principal(),
                    context.actingProvider()), context).result();
            accepted = result.accepted();
            alreadyReported = result.alreadyReported();
            for (ReportOutcomesResult.Refused refused : result.refused()) {
                rejections.add(new Rejection(batchLines.get(refused.index()), refused.field(), refused.code().name(), refused.message()));
            }
        }
        int rejected = rejections.size();
        imports.progress(importId, new Progress(rowsRead, accepted, alreadyReported, rejected), rejections);
        long lastLine = batchLines.isEmpty() ? -1 : batchLines.get(batchLines.size() - 1);
        batch.clear();
        batchLines.clear();
        rejections.clear();
        if (rejectedBefore + rejected > properties.getMaxRejectedRows()) {
            throw DomainException.invalid("file", "more than " + properties.getMaxRejectedRows() + " rows were rejected; the import stopped"
                    + (lastLine > 0 ? " after line " + lastLine : "") + " (the rows before were recorded; fix the file and import it again: "
                    + "rows already recorded are not recorded twice)");
        }
        return rejected;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses a body larger than the limit while it streams. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > max) {
                throw DomainException.invalid("file", "the file is larger than " + max + " bytes (ledger.imports.max-bytes)");
            }
        }
    }
}

package org.impactledger.infra.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The record of bulk outcome imports (tables {@code outcome_import} and {@code outcome_import_rejection}).
 * Every write is its own short transaction, made after the batch's events are committed: a
 * concurrent GET sees the progress while the import runs. The counters may lag the events by one
 * batch if the process dies between the two; importing the file again completes it (rows already
 * recorded are counted as already reported). The API wires it where the import runs
 * ({@code OutcomeImportConfiguration}), as it does the privacy key store.
 */
public class OutcomeImports {

    public enum Status { RUNNING, COMPLETED, ALREADY_IMPORTED, FAILED }

    /** One import as stored. */
    public record Summary(String importId, String contractId, String format, Status status, String importedBy, String contentSha256,
                          String duplicateOf, long rowsRead, long accepted, long alreadyReported, long rejected, String failure,
                          java.time.Instant startedAt, java.time.Instant updatedAt, java.time.Instant finishedAt) {
    }

    /** One rejected row: the line of the file, the field (if one), the rule's code and the reason. */
    public record Rejection(long line, String field, String code, String reason) {
    }

    /** Counters added by one batch. */
    public record Progress(long rowsRead, long accepted, long alreadyReported, long rejected) {
    }

    private static final String COLUMNS = "import_id, contract_id, format, status, imported_by, content_sha256, duplicate_of, rows_read, "
            + "accepted, already_reported, rejected, failure, started_at, updated_at, finished_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    public OutcomeImports(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** Records a new import as RUNNING; throws Spring's DuplicateKeyException if the id is taken. */
    public void start(String importId, String contractId, String format, String importedBy) {
        Timestamp now = now();
        jdbc.sql("insert into outcome_import (import_id, contract_id, format, status, imported_by, started_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(importId, contractId, format, Status.RUNNING.name(), importedBy, now, now)
                .update();
    }

    /** Adds a batch's counters and its rejected rows. */
    public void progress(String importId, Progress progress, List<Rejection> rejections) {
        if (!rejections.isEmpty()) {
            template.batchUpdate("insert into outcome_import_rejection (import_id, line_number, field, code, reason) values (?, ?, ?, ?, ?)",
                    rejections, rejections.size(), (ps, r) -> {
                        ps.setString(1, importId);
                        ps.setLong(2, r.line());
                        ps.setString(3, clip(r.field(), 200));
                        ps.setString(4, clip(r.code(), 40));
                        ps.setString(5, clip(r.reason(), 2000));
                    });
        }
        jdbc.sql("update outcome_import set rows_read = rows_read + ?, accepted = accepted + ?, already_reported = already_reported + ?, "
                        + "rejected = rejected + ?, updated_at = ? where import_id = ?")
                .params(progress.rowsRead(), progress.accepted(), progress.alreadyReported(), progress.rejected(), now(), importId)
                .update();
    }

    public void contentHash(String importId, String sha256) {
        jdbc.sql("update outcome_import set content_sha256 = ?, updated_at = ? where import_id = ?").params(sha256, now(), importId).update();
    }

    public void finish(String importId, Status status, String duplicateOf) {
        Timestamp now = now();
        jdbc.sql("update outcome_import set status = ?, duplicate_of = ?, updated_at = ?, finished_at = ? where import_id = ?")
                .params(status.name(), duplicateOf, now, now, importId)
                .update();
    }

    public void fail(String importId, String failure) {
        Timestamp now = now();
        jdbc.sql("update outcome_import set status = ?, failure = ?, updated_at = ?, finished_at = ? where import_id = ?")
                .params(Status.FAILED.name(), clip(failure, 2000), now, now, importId)
                .update();
    }

    public Optional<Summary> find(String importId) {
        return jdbc.sql("select " + COLUMNS + " from outcome_import where import_id = ?").param(importId).query(OutcomeImports::summary)
                .optional();
    }

    /** The first import of this contract that completed with the same content, other than {@code exceptImportId}. */
    public Optional<Summary> completedWithContent(String contractId, String sha256, String exceptImportId) {
        return jdbc.sql("select " + COLUMNS + " from outcome_import where contract_id = ? and content_sha256 = ? and status = ? "
                        + "and import_id <> ? order by started_at, import_id")
                .params(contractId, sha256, Status.COMPLETED.name(), exceptImportId)
                .query(OutcomeImports::summary)
                .stream().findFirst();
    }

    /** The contract's imports, newest first. */
    public List<Summary> list(String contractId, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from outcome_import where contract_id = ? order by started_at desc, import_id limit ? offset ?")
                .params(contractId, size, (long) page * size)
                .query(OutcomeImports::summary)
                .list();
    }

    public long count(String contractId) {
        return jdbc.sql("select count(*) from outcome_import where contract_id = ?").param(contractId).query(Long.class).single();
    }

    /** Rejected rows by line. */
    public List<Rejection> rejections(String importId, int page, int size) {
        return jdbc.sql("select line_number, field, code, reason from outcome_import_rejection where import_id = ? order by line_number "
                        + "limit ? offset ?")
                .params(importId, size, (long) page * size)
                .query((rs, i) -> new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        return new Summary(rs.getString("import_id"), rs.getString("contract_id"), rs.getString("format"), Status.valueOf(rs.getString("status")),
                rs.getString("imported_by"), rs.getString("content_sha256"), rs.getString("duplicate_of"), rs.getLong("rows_read"),
                rs.getLong("accepted"), rs.getLong("already_reported"), rs.getLong("rejected"), rs.getString("failure"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

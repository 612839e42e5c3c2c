package org.impactledger.api.contract.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.impactledger.api.contract.ContractRequests.ReportOutcomeRequest;
import org.impactledger.api.nrrp.CsvLines;
import org.impactledger.api.web.DateWindow;
import org.impactledger.api.web.JsonInputErrors;
import org.impactledger.core.contract.command.OutcomeReport;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.OutcomeId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * Turns one line of an import file into an outcome report, or into the reason it is refused. A row
 * is read into the same {@link ReportOutcomeRequest} as the single outcome endpoint takes and checked
 * with the same bean-validation constraints and the same conversion ({@link ReportOutcomeRequest#toReport}),
 * so that a row is held to the rules of a single report; the contract then applies the domain rules.
 *
 * <p>A row without an outcome id gets one derived from its values and the contract, so that the same
 * row imported again gets the same id (and records nothing the second time).
 */
final class OutcomeRows {

    static final String OUTCOME_ID = "outcomeId";
    /** The columns of the CSV header, in the documented order; all but {@code outcomeId} are required. */
    static final List<String> COLUMNS = List.of(OUTCOME_ID, "beneficiaryId", "metricCode", "period", "outcomeDate", "quantity",
            "evidenceReference", "evidenceSha256");

    /** A row refused at parse time: the field (or {@code null}), a code and the reason. */
    static final class RowRefusal extends RuntimeException {
        final String field;
        final String code;

        RowRefusal(String field, String code, String message) {
            super(message, null, false, false);
            this.field = field;
            this.code = code;
        }
    }

    private final ContractId contractId;
    private final Validator validator;
    private final ObjectReader json;
    /** Metric codes and periods repeat across rows: one String each, so the contract's outcomes share them. */
    private final Map<String, String> canonical = new HashMap<>();
    private int[] csvColumns;
    private char separator;

    OutcomeRows(ContractId contractId, Validator validator, ObjectReader json) {
        this.contractId = contractId;
        this.validator = validator;
        this.json = json;
    }

    // ---------------------------------------------------------------- CSV

    /**
     * Reads the CSV header: separator {@code ;} or {@code ,} (as {@link CsvLines}), column names
     * without case, in any order; unknown, repeated or missing required columns refuse the file.
     */
    void csvHeader(String line, long number) {
        separator = line.indexOf(';') >= 0 ? ';' : ',';
        List<String> names = CsvLines.split(line, separator, (int) number);
        csvColumns = new int[COLUMNS.size()];
        java.util.Arrays.fill(csvColumns, -1);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            int column = indexOfColumn(name);
            if (column < 0) {
                throw DomainException.invalid("file", "line " + number + ": unknown column '" + name + "'; the columns are " + String.join(", ", COLUMNS));
            }
            if (csvColumns[column] >= 0) {
                throw DomainException.invalid("file", "line " + number + ": column " + COLUMNS.get(column) + " appears twice");
            }
            csvColumns[column] = i;
        }
        List<String> missing = new ArrayList<>();
        for (int c = 1; c < COLUMNS.size(); c++) {
            if (csvColumns[c] < 0) {
                missing.add(COLUMNS.get(c));
            }
        }
        if (!missing.isEmpty()) {
            throw DomainException.invalid("file", "line " + number + ": the header lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; the columns are " + String.join(", ", COLUMNS) + " (outcomeId optional)");
        }
    }

    char separator() {
        return separator;
    }

    int columnCount() {
        int max = -1;
        for (int c : csvColumns) {
            max = Math.max(max, c);
        }
        return max + 1;
    }

    OutcomeReport csvRow(String line, long number) {
        List<String> fields = CsvLines.split(line, separator, (int) number);
        if (fields.size() != columnCount()) {
            throw new RowRefusal(null, "MALFORMED_ROW", "the row has " + fields.size() + " fields, the header " + columnCount());
        }
        ReportOutcomeRequest request = new ReportOutcomeRequest(text(fields, 0), text(fields, 1), text(fields, 2), text(fields, 3),
                date(text(fields, 4)), quantity(text(fields, 5)), text(fields, 6), text(fields, 7));
        return report(request);
    }

    private String text(List<String> fields, int column) {
        int index = csvColumns[column];
        if (index < 0) {
            return null;
        }
        String value = fields.get(index);
        return value.isEmpty() ? null : value;
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RowRefusal("outcomeDate", "VALIDATION_FAILED", "outcomeDate '" + text + "' is not a date (use yyyy-MM-dd)");
        }
    }

    private static BigDecimal quantity(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new RowRefusal("quantity", "VALIDATION_FAILED", "quantity '" + text + "' is not a number (use a dot for decimals: 1.5)");
        }
    }

    private static int indexOfColumn(String name) {
        for (int c = 0; c < COLUMNS.size(); c++) {
            if (COLUMNS.get(c).equalsIgnoreCase(name)) {
                return c;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- NDJSON

    /** One JSON object per line, with the properties of the single report's body. */
    OutcomeReport jsonRow(String line) {
        ReportOutcomeRequest request;
        try {
            request = json.readValue(line);
        } catch (JacksonException e) {
            // the wording of a request body's refusal (JsonInputErrors); a wrong property or value is a rejected row
            JsonInputErrors.Described error = JsonInputErrors.describe(e);
            String field = error.field().isEmpty() ? null : error.field();
            String code = JsonInputErrors.SYNTAX.equals(error.rule()) || JsonInputErrors.DUPLICATE_PROPERTY.equals(error.rule())
                    ? "MALFORMED_ROW" : "VALIDATION_FAILED";
            throw new RowRefusal(field, code, (field == null ? "not a JSON object of an outcome report: " : field + ": ") + error.message());
        }
        if (request == null) {
            throw new RowRefusal(null, "MALFORMED_ROW", "not a JSON object of an outcome report");
        }
        return report(request);
    }

    // ---------------------------------------------------------------- both

    /** The single report's constraints and conversion; an outcome id derived from the row if it has none. */
    private OutcomeReport report(ReportOutcomeRequest request) {
        Set<ConstraintViolation<ReportOutcomeRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<ReportOutcomeRequest> first = violations.stream()
                    .min(Comparator.comparing((ConstraintViolation<ReportOutcomeRequest> v) -> COLUMNS.indexOf(v.getPropertyPath().toString()))
                            .thenComparing(ConstraintViolation::getMessage))
                    .orElseThrow();
            String field = first.getPropertyPath().toString();
            boolean window = first.getConstraintDescriptor().getAnnotation() instanceof DateWindow;
            throw new RowRefusal(field, window ? "DATE_OUT_OF_RANGE" : "VALIDATION_FAILED", field + " " + first.getMessage());
        }
        OutcomeReport report;
        try {
            OutcomeId outcomeId = OutcomeId.of(request.outcomeId() != null ? request.outcomeId() : derivedId(request));
            report = request.toReport(outcomeId);
        } catch (DomainException e) {
            throw new RowRefusal(e.field(), e.code().name(), e.getMessage());
        }
        return new OutcomeReport(report.outcomeId(), report.beneficiaryId(), canonical(report.metricCode()), canonical(report.period()),
                report.outcomeDate(), report.quantity(), report.evidenceReference(), report.evidenceSha256());
    }

    private String canonical(String value) {
        if (canonical.size() > 10_000) {
            return value;
        }
        return canonical.computeIfAbsent(value, v -> v);
    }

    /** {@code o-} and 40 hexadecimal characters of the SHA-256 of the contract and the row's values. */
    private String derivedId(ReportOutcomeRequest r) {
        String key = String.join("\n", contractId.value(), r.beneficiaryId(), r.metricCode().trim(), r.period(), r.outcomeDate().toString(),
                r.quantity().stripTrailingZeros().toPlainString(), r.evidenceReference().trim(), r.evidenceSha256().toLowerCase(Locale.ROOT));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "o-" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

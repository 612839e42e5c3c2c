package org.impactledger.api.nrrp;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.impactledger.api.web.DateWindow;
import org.impactledger.api.web.DateWindows;
import org.impactledger.core.nrrp.BankEntry;
import org.impactledger.core.nrrp.RemittanceCodes;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.Money;

/**
 * Reads the simple CSV statement format, for banks that cannot export camt.053. One entry per
 * line under a header with these columns, in any order (see README):
 * <pre>
 * statementId;account;currency;entryReference;bookingDate;valueDate;direction;amount;bankReference;remittance
 * </pre>
 * {@code valueDate}, {@code bankReference} and {@code remittance} may be empty; dates are
 * {@code yyyy-MM-dd} or {@code dd/MM/yyyy}; {@code direction} is {@code DBIT} (money out) or
 * {@code CRDT}; {@code amount} is positive, Italian ({@code 1.234,56}) or plain ({@code 1234.56}),
 * never ambiguous ({@code 10.001} is refused: see {@link ItalianNumbers}).
 * Lines of several statements may share a file. Every line is read and checked before anything is
 * sent, and the first bad one refuses the file, naming its line and column.
 */
final class StatementCsvParser {

    static final String FORMAT = "csv";
    static final List<String> COLUMNS = List.of("statementid", "account", "currency", "entryreference", "bookingdate", "valuedate",
            "direction", "amount", "bankreference", "remittance");
    private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private StatementCsvParser() {
    }

    private static final class Stmt {
        String account;
        String currency;
        int line;
        List<BankEntry> entries = new ArrayList<>();
        Set<String> references = new HashSet<>();
    }

    static List<ParsedStatement> parse(InputStream in, DateWindows dates) {
        Map<String, Stmt> statements = new LinkedHashMap<>();
        List<Map<String, Integer>> index = new ArrayList<>(List.of(Map.of()));
        CsvLines.read(in, (line, fields) -> {
            Map<String, Integer> columns = index.get(0);
            String statementId = cell(fields, columns, "statementid");
            if (statementId.isEmpty()) {
                throw ImportRefusal.atLine(line, "column statementId is required");
            }
            try {
                Identifier.requireValid(statementId, "statementId");
            } catch (DomainException e) {
                throw ImportRefusal.atLine(line, "column statementId: " + e.getMessage());
            }
            Stmt stmt = statements.computeIfAbsent(statementId, id -> new Stmt());
            String account = cell(fields, columns, "account");
            String currency = cell(fields, columns, "currency").toUpperCase(Locale.ROOT);
            if (stmt.account == null) {
                stmt.account = account;
                stmt.currency = currency;
                stmt.line = line;
            } else if (!stmt.account.equals(account) || !stmt.currency.equals(currency)) {
                throw ImportRefusal.atLine(line, "statement " + statementId + " changes account or currency from line " + stmt.line);
            }
            if (account.isEmpty()) {
                throw ImportRefusal.atLine(line, "column account is required");
            }
            String reference = cell(fields, columns, "entryreference");
            try {
                Identifier.requireValid(reference, "entryReference");
            } catch (DomainException e) {
                throw ImportRefusal.atLine(line, "column entryReference: " + e.getMessage());
            }
            if (!stmt.references.add(reference)) {
                throw ImportRefusal.atLine(line, "entry reference " + reference + " appears twice in statement " + statementId);
            }
            LocalDate booking = date(cell(fields, columns, "bookingdate"), line, "bookingDate", dates);
            if (booking == null) {
                throw ImportRefusal.atLine(line, "column bookingDate is required");
            }
            LocalDate value = date(cell(fields, columns, "valuedate"), line, "valueDate", dates);
            String direction = cell(fields, columns, "direction").toUpperCase(Locale.ROOT);
            if (!direction.equals(BankEntry.DEBIT) && !direction.equals(BankEntry.CREDIT)) {
                throw ImportRefusal.atLine(line, "column direction must be DBIT or CRDT; was '" + direction + "'");
            }
            Money amount = amount(cell(fields, columns, "amount"), currency, line);
            String bankReference = blankToNull(cell(fields, columns, "bankreference"));
            String remittance = blankToNull(cell(fields, columns, "remittance"));
            stmt.entries.add(new BankEntry(reference, booking, value == null ? booking : value, amount, direction, bankReference, remittance,
                    RemittanceCodes.cupIn(remittance), RemittanceCodes.cigIn(remittance)));
        }, header0 -> {
            List<String> missing = COLUMNS.stream().filter(c -> !header0.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw ImportRefusal.atLine(1, "the header lacks the column(s) " + missing + "; expected " + String.join(";", COLUMNS));
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < header0.size(); i++) {
                columns.putIfAbsent(header0.get(i), i);
            }
            index.set(0, columns);
        });
        if (statements.isEmpty()) {
            throw ImportRefusal.atLine(1, "the file has a header but no entry");
        }
        List<ParsedStatement> parsed = new ArrayList<>();
        statements.forEach((id, stmt) -> parsed.add(new ParsedStatement(id, stmt.account, stmt.currency, FORMAT, List.copyOf(stmt.entries))));
        return parsed;
    }

    private static String cell(List<String> fields, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null || i >= fields.size() ? "" : fields.get(i);
    }

    private static Money amount(String raw, String currency, int line) {
        try {
            BigDecimal value = ItalianNumbers.parse(raw);
            if (value == null) {
                throw ImportRefusal.atLine(line, "column amount is required");
            }
            return Money.of(value, currency).requirePositive("amount");
        } catch (ItalianNumbers.Refused e) {
            throw ImportRefusal.atLine(line, "column amount: " + e.getMessage());
        } catch (NumberFormatException e) {
            throw ImportRefusal.atLine(line, "column amount: '" + raw + "' is not an amount such as 1.234,56 or 1234.56");
        } catch (DomainException e) {
            if (ImportRefusal.FIELD.equals(e.field())) {
                throw e;
            }
            throw ImportRefusal.atLine(line, "column " + (e.field() == null ? "amount" : e.field()) + ": " + e.getMessage());
        }
    }

    private static LocalDate date(String raw, int line, String column, DateWindows dates) {
        if (raw.isEmpty()) {
            return null;
        }
        LocalDate date;
        try {
            date = raw.contains("/") ? LocalDate.parse(raw, ITALIAN_DATE) : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ImportRefusal.atLine(line, "column " + column + ": '" + raw + "' is not a date (yyyy-MM-dd or dd/MM/yyyy)");
        }
        if (!dates.contains(date, DateWindow.Reach.FACT)) {
            throw ImportRefusal.outOfWindow(ImportRefusal.atLine(line, "column " + column + " " + dates.violation(date, DateWindow.Reach.FACT)));
        }
        return date;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

package org.impactledger.projections.nrrp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Discrepancy;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.Line;
import org.impactledger.projections.nrrp.NrrpReconciliationReport.TargetLine;

/**
 * The reconciliation as one CSV table the finance office can file: a {@code record} column says
 * what each row is — {@code FIGURES} (one per CUP and measure), {@code DISCREPANCY} (kind, amount,
 * detail, the event ids separated by spaces) or {@code TARGET} (quantity, achieved, progress).
 * Comma-separated, CRLF line ends, decimals with a point; a cell is quoted when it holds a comma,
 * a quote or a line break, with quotes doubled.
 */
public final class NrrpReconciliationCsv {

    public static final List<String> HEADER = List.of("record", "cup", "measure", "currency", "allocated", "committed", "paid", "reported",
            "confirmed_by_bank", "kind", "amount", "detail", "event_ids", "target_id", "quantity", "achieved", "progress_percent", "due_date");
    private static final String CRLF = "\r\n";

    private NrrpReconciliationCsv() {
    }

    public static String render(NrrpReconciliationReport report) {
        StringBuilder csv = new StringBuilder();
        try {
            write(report, csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return csv.toString();
    }

    /** Writes the table row by row (the export streams it to the caller rather than building one string). */
    public static void write(NrrpReconciliationReport report, Appendable csv) throws IOException {
        row(csv, HEADER);
        for (Line l : report.lines()) {
            row(csv, List.of("FIGURES", l.cup(), l.measure(), l.currency(), dec(l.allocated()), dec(l.committed()), dec(l.paid()),
                    dec(l.reported()), dec(l.confirmedByBank()), "", "", String.join(" ", l.projects()), "", "", "", "", "", ""));
        }
        for (Discrepancy d : report.discrepancies()) {
            row(csv, List.of("DISCREPANCY", nz(d.cup()), nz(d.measure()), "", "", "", "", "", "", d.kind().name(), dec(d.amount()), d.detail(),
                    String.join(" ", d.eventIds()), "", "", "", "", ""));
        }
        for (TargetLine t : report.targets()) {
            row(csv, List.of("TARGET", t.cup(), t.measure(), "", "", "", "", "", "", "", "", t.description(), t.eventId(), t.targetId(),
                    dec(t.quantity()), dec(t.achieved()), dec(t.progressPercent()), t.dueDate().toString()));
        }
    }

    private static void row(Appendable csv, List<String> cells) throws IOException {
        List<String> quoted = new ArrayList<>();
        cells.forEach(c -> quoted.add(cell(c)));
        csv.append(String.join(",", quoted)).append(CRLF);
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static String dec(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}

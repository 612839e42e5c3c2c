package org.impactledger.api.nrrp;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.impactledger.core.nrrp.NrrpPlanMeasure;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.Money;
import org.impactledger.core.taxonomy.NrrpComponent;
import org.impactledger.core.taxonomy.NrrpMeasure;
import org.impactledger.core.taxonomy.NrrpMission;

/**
 * Reads the plan's reference list of measures (CSV, see {@link CsvLines}) with the columns
 * {@code mission;component;measure;subMeasure;amount} (others are ignored): the measure in any
 * national form, the sub-measure code or empty / {@code N/D} for a measure-level row, the amount
 * Italian or plain, {@code N/D} for missing. Every row is checked against the taxonomy (and that
 * its mission, component, measure and sub-measure agree) before anything is sent; the first row it
 * cannot read refuses the file, naming its line.
 */
final class MeasureListCsvParser {

    static final List<String> COLUMNS = List.of("mission", "component", "measure", "submeasure", "amount");

    private MeasureListCsvParser() {
    }

    static List<NrrpPlanMeasure> parse(InputStream in, String currency) {
        List<NrrpPlanMeasure> rows = new ArrayList<>();
        List<Map<String, Integer>> index = new ArrayList<>(List.of(Map.of()));
        CsvLines.read(in, (line, fields) -> {
            Map<String, Integer> columns = index.get(0);
            String mission = cell(fields, columns, "mission");
            String component = cell(fields, columns, "component");
            String measureCode = cell(fields, columns, "measure");
            String subMeasureCode = cell(fields, columns, "submeasure");
            try {
                NrrpMission.of(mission, "mission");
                NrrpComponent.of(component, "component");
                NrrpMeasure measure = NrrpMeasure.parse(measureCode, "measure");
                String code = measure.toString();
                if (!ItalianNumbers.missing(subMeasureCode)) {
                    NrrpMeasure sub = NrrpMeasure.parse(subMeasureCode, "subMeasure");
                    if (sub.subMeasure() == null || !sub.uniqueCode().equals(measure.uniqueCode())) {
                        throw DomainException.invalid("subMeasure", "'" + subMeasureCode + "' is not a sub-measure of " + measure.measureCode()
                                + " (expected " + measure.uniqueCode() + ".nn)");
                    }
                    code = sub.subMeasureCode();
                }
                if (!measure.mission().equals(mission.strip().toUpperCase()) || !measure.component().equals(component.strip().toUpperCase())) {
                    throw DomainException.invalid("measure", "measure " + measure.measureCode() + " is not in mission " + mission
                            + " and component " + component);
                }
                BigDecimal amount = amount(cell(fields, columns, "amount"), line);
                rows.add(new NrrpPlanMeasure(mission.strip().toUpperCase(), component.strip().toUpperCase(), code,
                        amount == null ? null : Money.of(amount, currency)));
            } catch (DomainException e) {
                if (ImportRefusal.FIELD.equals(e.field())) {
                    throw e;
                }
                throw ImportRefusal.atLine(line, "column " + e.field() + ": " + e.getMessage());
            }
        }, header -> {
            List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw ImportRefusal.atLine(1, "the header lacks the column(s) " + missing + "; expected " + String.join(";", COLUMNS));
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i), i);
            }
            index.set(0, columns);
        });
        if (rows.isEmpty()) {
            throw ImportRefusal.atLine(1, "the file has a header but no measure");
        }
        return rows;
    }

    private static BigDecimal amount(String raw, int line) {
        try {
            return ItalianNumbers.parse(raw);
        } catch (ItalianNumbers.Refused e) {
            throw ImportRefusal.atLine(line, "column amount: " + e.getMessage());
        } catch (NumberFormatException e) {
            throw ImportRefusal.atLine(line, "column amount: '" + raw + "' is not an amount such as 1.234.567,89 or N/D");
        }
    }

    private static String cell(List<String> fields, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null || i >= fields.size() ? "" : fields.get(i);
    }
}

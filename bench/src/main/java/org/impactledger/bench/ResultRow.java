package org.impactledger.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One measured figure, as a line of the run's results file (tab-separated, so that run.sh can append
 * rows with printf):
 *
 * <pre>scenario  clients  throughput/s  p50-ms  p95-ms  p99-ms  extras  note</pre>
 *
 * Empty fields are absent figures. {@code extras} is {@code key=value} pairs separated by {@code ;}
 * for what only some scenarios have (events/s, offered rate, resident memory, error counts…); the
 * report reads the keys it knows for each scenario. Never a made-up figure: absent stays absent.
 */
public record ResultRow(String scenario, String clients, Double throughput, Double p50, Double p95, Double p99,
                        Map<String, String> extras, String note) {

    public ResultRow {
        extras = extras == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(extras));
        note = note == null ? "" : note;
        clients = clients == null ? "" : clients;
    }

    public String extra(String key) {
        return extras.get(key);
    }

    public Double extraNumber(String key) {
        String value = extras.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String toTsv() {
        StringBuilder extrasText = new StringBuilder();
        new java.util.TreeMap<>(extras).forEach((k, v) -> {
            if (extrasText.length() > 0) {
                extrasText.append(';');
            }
            extrasText.append(clean(k).replace("=", "-")).append('=').append(clean(v));
        });
        return String.join("\t", clean(scenario), clean(clients), number(throughput), number(p50), number(p95), number(p99),
                extrasText, clean(note).replace(';', ','));
    }

    public static ResultRow fromTsv(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 8) {
            throw new IllegalArgumentException("a results line has 8 tab-separated fields, this one " + f.length + ": " + line);
        }
        Map<String, String> extras = new LinkedHashMap<>();
        if (!f[6].isBlank()) {
            for (String pair : f[6].split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    extras.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return new ResultRow(f[0].trim(), f[1].trim(), parse(f[2]), parse(f[3]), parse(f[4]), parse(f[5]), extras, f[7].trim());
    }

    private static Double parse(String field) {
        String t = field.trim();
        return t.isEmpty() ? null : Double.valueOf(t);
    }

    private static String number(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.3f", d);
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').replace(";", ",");
    }
}

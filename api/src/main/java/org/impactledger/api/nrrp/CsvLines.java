package org.impactledger.api.nrrp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a small CSV dialect line by line: separator {@code ;} (what Italian spreadsheets export,
 * since the comma is the decimal mark) or {@code ,} when the header has no {@code ;}; fields may be
 * quoted with {@code "} (a doubled {@code ""} inside is a quote); one record per line; a UTF-8 BOM
 * and blank lines are skipped. Header names are matched without case. {@link #split} is also the
 * field splitter of the bulk outcome import.
 */
public final class CsvLines {

    private CsvLines() {
    }

    /** Reads the header (handed to {@code onHeader}, which may refuse it), then hands each record with its 1-based line number to {@code row}; returns the header. */
    static List<String> read(InputStream in, BiConsumer<Integer, List<String>> row, Consumer<List<String>> onHeader) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            List<String> header = null;
            char separator = ';';
            while ((line = reader.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (header == null) {
                    separator = line.indexOf(';') >= 0 ? ';' : ',';
                    header = split(line, separator, number).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                    onHeader.accept(header);
                    continue;
                }
                row.accept(number, split(line, separator, number));
            }
            if (header == null) {
                throw ImportRefusal.atLine(1, "empty file: the first line must be the header");
            }
            return header;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of one line; refuses a quoted field that is not closed, naming the line. */
    public static List<String> split(String line, char separator, int number) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ImportRefusal.atLine(number, "a quoted field is not closed");
        }
        fields.add(field.toString().strip());
        return fields;
    }
}

package org.impactledger.api.report;

import java.util.Locale;
import org.impactledger.core.shared.DomainException;
import org.springframework.http.MediaType;

/**
 * The form a report is answered in: JSON unless {@code ?format=csv} or an {@code Accept} header
 * that names {@code text/csv}. An explicit {@code format} wins over the header, so a browser link
 * can ask for CSV; any other format value is refused (field {@code format}).
 */
enum ReportFormat {
    JSON, CSV;

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    static ReportFormat of(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "csv" -> CSV;
                default -> throw DomainException.invalid("format", "format must be json or csv, was '" + format + "'");
            };
        }
        if (accept != null) {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("csv")) {
                    return CSV;
                }
            }
        }
        return JSON;
    }
}

package org.impactledger.core.housing;

import java.util.Arrays;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;

/**
 * The eight circoscrizioni (administrative districts) of the City of Turin, as redrawn in 2016: the
 * level at which the housing report compares occupancy, rent and tenancy outcomes, and at which the
 * city plans its housing policy. The list is closed, so a property cannot be filed under a district
 * that no report line will ever show. Commands and events carry the district's number as a string
 * ("1" to "8"); the names are for reports.
 */
public enum TurinDistrict {
    CIRCOSCRIZIONE_1("1", "Centro, Crocetta"),
    CIRCOSCRIZIONE_2("2", "Santa Rita, Mirafiori Nord, Mirafiori Sud"),
    CIRCOSCRIZIONE_3("3", "San Paolo, Cenisia, Pozzo Strada, Cit Turin, Borgata Lesna"),
    CIRCOSCRIZIONE_4("4", "San Donato, Campidoglio, Parella"),
    CIRCOSCRIZIONE_5("5", "Borgo Vittoria, Madonna di Campagna, Lucento, Vallette"),
    CIRCOSCRIZIONE_6("6", "Barriera di Milano, Regio Parco, Barca, Bertolla, Falchera, Rebaudengo, Villaretto"),
    CIRCOSCRIZIONE_7("7", "Aurora, Vanchiglia, Sassi, Madonna del Pilone"),
    CIRCOSCRIZIONE_8("8", "San Salvario, Cavoretto, Borgo Po, Nizza Millefonti, Lingotto, Filadelfia");

    static final String RULE = "district must be the number of one of Turin's 8 circoscrizioni, 1 to 8";

    private final String code;
    private final String label;

    TurinDistrict(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * The district with this number (trimmed), or a refusal naming {@code field}:
     * {@code INVALID_VALUE} when the value is not a number, {@code UNKNOWN_CODE} when Turin has no
     * such district.
     */
    public static TurinDistrict of(String code, String field) {
        String value = code == null ? null : code.strip();
        if (value == null || value.isEmpty()) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (!value.matches("[0-9]{1,2}")) {
            throw DomainException.invalid(field, RULE + "; was '" + shown(code) + "'");
        }
        return Arrays.stream(values()).filter(d -> d.code.equals(value)).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.UNKNOWN_CODE, field,
                        "Turin has no circoscrizione " + value + ": " + RULE));
    }

    /** The district's number, "1" to "8": what commands and events carry. */
    public String code() {
        return code;
    }

    /** The neighbourhoods the district groups, for reports. */
    public String label() {
        return label;
    }

    private static String shown(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
    }
}

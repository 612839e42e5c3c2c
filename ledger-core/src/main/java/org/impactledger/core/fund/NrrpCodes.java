package org.impactledger.core.fund;

import java.util.regex.Pattern;
import org.impactledger.core.shared.DomainException;

/**
 * The one place where the fund checks an {@link NrrpTag}. For now it checks the form only; it is a
 * hook to be redirected to the taxonomy ({@code org.impactledger.core.taxonomy.Cup.parse(value, field)}
 * and {@code NrrpMeasure.parse(value, field)}) once those exist, so that the fund accepts exactly the
 * codes the taxonomy knows and nothing needs to change in {@link Fund}.
 */
final class NrrpCodes {

    static final String CUP_FIELD = "nrrp.cup";
    static final String MEASURE_FIELD = "nrrp.measure";

    /** CUP (Codice Unico di Progetto): a letter, two digits, a letter, eleven digits. */
    private static final Pattern CUP = Pattern.compile("[A-Z][0-9]{2}[A-Z][0-9]{11}");
    /** NRRP measure: mission 1 to 7, then component and measure, e.g. M5C2I1.3, M5C2I1.03 or M5C2I1.03.00. */
    private static final Pattern MEASURE = Pattern.compile("M[1-7].*");

    private NrrpCodes() {
    }

    /** Refuses a tag whose CUP or measure is missing or malformed; a null tag (not NRRP-funded) passes. */
    static void check(NrrpTag tag) {
        if (tag == null) {
            return;
        }
        String cup = tag.cup();
        if (cup == null || cup.isBlank()) {
            throw DomainException.invalid(CUP_FIELD, "the CUP of an NRRP-funded budget is required");
        }
        if (!CUP.matcher(cup).matches()) {
            throw DomainException.invalid(CUP_FIELD,
                    "CUP '" + cup + "' must be 15 characters: a letter, two digits, a letter and eleven digits");
        }
        String measure = tag.measure();
        if (measure == null || measure.isBlank()) {
            throw DomainException.invalid(MEASURE_FIELD, "the NRRP measure of an NRRP-funded budget is required");
        }
        if (!MEASURE.matcher(measure).matches()) {
            throw DomainException.invalid(MEASURE_FIELD,
                    "NRRP measure '" + measure + "' must start with M and a mission number from 1 to 7, e.g. M5C2I1.3");
        }
    }
}

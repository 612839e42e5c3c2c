package org.impactledger.core.taxonomy;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An NRRP measure (an investment or a reform), optionally narrowed to one of its sub-measures: the
 * level at which the city's NRRP money is allocated, reported and reconciled.
 *
 * <p>National open data writes the same measure three ways, and the ledger must match all of
 * them: the measure code {@code M5C2I1.3} (plan documents), the unique code {@code M5C2I1.03}
 * (sub-number on two digits) and the sub-measure code {@code M5C2I1.03.00}. Parsing any of them
 * gives the same {@link #measureCode()} and {@link #uniqueCode()}, so reports group them together;
 * only a sub-measure code sets {@link #subMeasure()}. A measure without a sub-number ({@code M5C2I2},
 * sub-number 0) has the unique code {@code M5C2I2.00}, so that unique codes always have one shape.
 *
 * <p>REPowerEU (M7) has no components, so its measures are written {@code M7I1}, {@code M7R1.2}
 * and so on; their {@link #component()} is {@code "M7"}, the whole-mission
 * {@link NrrpComponent#M7}. Every other mission's measures must name one of its components.
 *
 * <p>Mission and component are checked against the plan; the measure numbers are checked for form
 * only, because each revision of the plan adds, drops and renumbers measures, and codes stored under
 * an earlier revision must stay readable. Letter-suffixed measures (such as 2.1a) are not accepted.
 */
public record NrrpMeasure(String mission, String component, char kind, int number, int subNumber, Integer subMeasure) {

    public static final char INVESTMENT = 'I';
    public static final char REFORM = 'R';

    private static final Pattern FORM = Pattern.compile(
            "M([0-9]{1,2})(C[0-9]{1,2})?([IR])([1-9][0-9]?)(?:\\.([0-9]{1,2})(?:\\.([0-9]{2}))?)?");
    static final String RULE = "NRRP measure must be written like M5C2I1.3 (measure), M5C2I1.03 (unique code)"
            + " or M5C2I1.03.00 (sub-measure): mission, component (none for M7), I for investment or R for reform,"
            + " a number from 1, then optionally a sub-number and a two-digit sub-measure";

    public NrrpMeasure {
        NrrpMission knownMission = NrrpMission.of(mission, "mission");
        NrrpComponent knownComponent = NrrpComponent.of(component, "component");
        if (knownComponent.mission() != knownMission) {
            throw Refusals.invalid("component", "NRRP component " + knownComponent + " belongs to mission "
                    + knownComponent.mission() + ", not " + knownMission, component);
        }
        mission = knownMission.code();
        component = knownComponent.code();
        if (kind != INVESTMENT && kind != REFORM) {
            throw Refusals.invalid("kind", "NRRP measure kind must be I (investment) or R (reform)", String.valueOf(kind));
        }
        if (number < 1 || number > 99) {
            throw Refusals.invalid("number", "NRRP measure number must be from 1 to 99", String.valueOf(number));
        }
        if (subNumber < 0 || subNumber > 99) {
            throw Refusals.invalid("subNumber", "NRRP measure sub-number must be from 0 (none) to 99", String.valueOf(subNumber));
        }
        if (subMeasure != null && (subMeasure < 0 || subMeasure > 99)) {
            throw Refusals.invalid("subMeasure", "NRRP sub-measure must be from 0 to 99, or absent", String.valueOf(subMeasure));
        }
    }

    /**
     * The measure in {@code code}, in any of the three national forms (trimmed, either case), or a
     * refusal naming {@code field}: {@code INVALID_VALUE} for a malformed code, {@code UNKNOWN_CODE}
     * for a mission or component that is not in the plan.
     */
    public static NrrpMeasure parse(String code, String field) {
        String value = Refusals.upper(code);
        Matcher m = value == null ? null : FORM.matcher(value);
        if (m == null || !m.matches()) {
            throw Refusals.invalid(field, RULE, code);
        }
        NrrpMission mission = NrrpMission.lookup("M" + m.group(1), field, code);
        NrrpComponent component = NrrpComponent.lookup(mission.code() + Objects.requireNonNullElse(m.group(2), ""), field, code);
        String sub = m.group(5);
        String subMeasure = m.group(6);
        if (subMeasure != null && sub.length() != 2) {
            throw Refusals.invalid(field, "a sub-measure code writes the sub-number with two digits, as the unique code"
                    + " does, e.g. M5C2I1.03.00", code);
        }
        if (subMeasure == null && "0".equals(sub)) {
            throw Refusals.invalid(field, "an NRRP measure sub-number starts from 1; a measure without one is written"
                    + " without it (M5C2I2) or as the unique code .00 (M5C2I2.00)", code);
        }
        return new NrrpMeasure(mission.code(), component.code(), m.group(3).charAt(0), Integer.parseInt(m.group(4)),
                sub == null ? 0 : Integer.parseInt(sub), subMeasure == null ? null : Integer.valueOf(subMeasure));
    }

    /** The measure as plan documents write it, e.g. M5C2I1.3, M5C2I2 or M7I1. */
    public String measureCode() {
        return component + kind + number + (subNumber == 0 ? "" : "." + subNumber);
    }

    /** The unique code of national open data, sub-number on two digits, e.g. M5C2I1.03 or M5C2I2.00. */
    public String uniqueCode() {
        return component + kind + number + "." + twoDigits(subNumber);
    }

    /** The sub-measure code, e.g. M5C2I1.03.00, or {@code null} when no sub-measure was given. */
    public String subMeasureCode() {
        return subMeasure == null ? null : uniqueCode() + "." + twoDigits(subMeasure);
    }

    /** The same measure without its sub-measure: what reports group sub-measures under. */
    public NrrpMeasure withoutSubMeasure() {
        return subMeasure == null ? this : new NrrpMeasure(mission, component, kind, number, subNumber, null);
    }

    public NrrpMission nrrpMission() {
        return NrrpMission.valueOf(mission);
    }

    public NrrpComponent nrrpComponent() {
        return NrrpComponent.valueOf(component);
    }

    public boolean isInvestment() {
        return kind == INVESTMENT;
    }

    public boolean isReform() {
        return kind == REFORM;
    }

    /** The most specific code: the sub-measure code when there is one, else the measure code. */
    @Override
    public String toString() {
        return subMeasure == null ? measureCode() : subMeasureCode();
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}

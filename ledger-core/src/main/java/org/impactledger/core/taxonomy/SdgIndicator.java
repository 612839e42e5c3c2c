package org.impactledger.core.taxonomy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A global SDG indicator code such as 1.1.1 or 3.b.3: how an outcome metric says which official
 * measure it feeds.
 *
 * <p>The goal and target part must name one of the 169 targets, because that is what the SDG
 * report groups by. The indicator number itself is checked for form only: the UN statistical
 * commission revises the indicator list from year to year (adding, replacing and renumbering
 * indicators), and a ledger that outlives a revision must still read the codes it stored.
 */
public record SdgIndicator(String code) {

    private static final Pattern FORM = Pattern.compile("(([1-9][0-9]?)\\.([1-9][0-9]?|[a-z]))\\.([1-9][0-9]?)");
    static final String RULE = "SDG indicator must be <goal>.<target>.<number>: a goal from 1 to 17, a target"
            + " number or letter, an indicator number from 1, e.g. 1.1.1 or 3.b.3";

    public SdgIndicator {
        code = validate(code, "code");
    }

    /**
     * The indicator with this code (trimmed; a target letter may be in either case), or a refusal
     * naming {@code field}: {@code INVALID_VALUE} for a malformed code, {@code UNKNOWN_CODE} when
     * its goal or target does not exist.
     */
    public static SdgIndicator parse(String code, String field) {
        return new SdgIndicator(validate(code, field));
    }

    /** The target this indicator measures, e.g. 3.b for 3.b.3. */
    public SdgTarget target() {
        return SdgTarget.parse(code.substring(0, code.lastIndexOf('.')), "code");
    }

    /** The goal number, e.g. 3 for 3.b.3. */
    public int goal() {
        return SdgTargetCatalogue.goalOf(code);
    }

    /** The indicator's number within its target, e.g. 3 for 3.b.3. */
    public int number() {
        return Integer.parseInt(code.substring(code.lastIndexOf('.') + 1));
    }

    private static String validate(String raw, String field) {
        String code = Refusals.lower(raw);
        Matcher m = code == null ? null : FORM.matcher(code);
        if (m == null || !m.matches()) {
            throw Refusals.invalid(field, RULE, raw);
        }
        SdgTarget.requireKnown(m.group(1), Integer.parseInt(m.group(2)), field, raw,
                "SDG indicator " + code + " belongs to goal",
                "SDG indicator " + code + " belongs to target " + m.group(1) + ", which is");
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}

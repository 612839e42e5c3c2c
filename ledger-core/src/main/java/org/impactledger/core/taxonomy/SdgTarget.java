package org.impactledger.core.taxonomy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the 169 targets of the 2030 Agenda, the level at which a contract's rate card says what
 * an outcome contributes to. Numbered targets (1.1) are outcomes; lettered targets (1.a) are means
 * of implementation; both are valid on a rate card.
 *
 * <p>Only codes in the catalogue are accepted: "1.9" has the form of a target but goal 1 has no
 * such target, and letting it through would open an SDG report line that matches nothing. The goal
 * must agree with the code; the label is always the catalogue's (any label passed in is replaced),
 * so that equal codes are equal targets however they were stored.
 */
public record SdgTarget(String code, int goal, String label) {

    public static final int COUNT = 169;

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]?)\\.([1-9][0-9]?|[a-z])");
    static final String RULE =
            "SDG target must be <goal>.<target>: a goal from 1 to 17, a dot, then a number or a letter, e.g. 1.2 or 3.a";

    public SdgTarget {
        String canonical = validate(code, "code");
        if (goal != SdgTargetCatalogue.goalOf(canonical)) {
            throw Refusals.invalid("goal", "SDG target " + canonical + " belongs to goal "
                    + SdgTargetCatalogue.goalOf(canonical), String.valueOf(goal));
        }
        code = canonical;
        label = SdgTargetCatalogue.labelOf(canonical);
    }

    /**
     * The target with this code (trimmed; a letter may be in either case), or a refusal naming
     * {@code field}: {@code INVALID_VALUE} for a malformed code, {@code UNKNOWN_CODE} for a code
     * that is not one of the 169 targets. A code already canonical (as every stored one is) is
     * looked up directly: the SDG report parses its read model's codes for every outcome.
     */
    public static SdgTarget parse(String code, String field) {
        SdgTarget canonical = code == null ? null : SdgTargetCatalogue.BY_CODE.get(code);
        return canonical != null ? canonical : SdgTargetCatalogue.BY_CODE.get(validate(code, field));
    }

    /** All 169 targets, goal by goal, numbered targets before lettered ones. */
    public static List<SdgTarget> all() {
        return SdgTargetCatalogue.ALL;
    }

    /** The targets of one goal in their official order; refuses a goal outside 1 to 17. */
    public static List<SdgTarget> ofGoal(int goal) {
        SdgGoal.requireKnown(goal, "goal");
        return SdgTargetCatalogue.BY_GOAL.get(goal);
    }

    /** The goal this target serves. */
    public SdgGoal sdgGoal() {
        return SdgGoal.of(goal, "goal");
    }

    /** Whether this is a means-of-implementation target (lettered, e.g. 1.a) rather than an outcome target. */
    public boolean isMeansOfImplementation() {
        return Character.isLetter(code.charAt(code.length() - 1));
    }

    /** Checks a code and returns it canonical (trimmed, letter in lower case). */
    static String validate(String raw, String field) {
        String code = Refusals.lower(raw);
        Matcher m = code == null ? null : FORM.matcher(code);
        if (m == null || !m.matches()) {
            throw Refusals.invalid(field, RULE, raw);
        }
        requireKnown(code, Integer.parseInt(m.group(1)), field, raw,
                "SDG target " + code + " names goal", "SDG target " + code + " is");
        return code;
    }

    /**
     * Refuses {@code code} (of the right form) unless it is a target of {@code goal}. The two
     * subjects begin the message for an unknown goal ("... names goal") and for an unknown target
     * ("... is"), so that callers can say which code of theirs is at fault.
     */
    static void requireKnown(String code, int goal, String field, String raw, String goalSubject, String targetSubject) {
        if (!SdgGoal.isKnown(goal)) {
            throw Refusals.unknown(field, goalSubject + " " + goal + ", but the SDGs have goals 1 to "
                    + SdgGoal.COUNT + " only", raw);
        }
        if (SdgTargetCatalogue.labelOf(code) == null) {
            throw Refusals.unknown(field, targetSubject + " not one of the " + COUNT + " SDG targets: goal " + goal
                    + " has targets " + SdgTargetCatalogue.describeGoal(goal), raw);
        }
    }

    @Override
    public String toString() {
        return code;
    }
}

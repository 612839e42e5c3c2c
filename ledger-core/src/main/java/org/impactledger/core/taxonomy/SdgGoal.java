package org.impactledger.core.taxonomy;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One of the 17 Sustainable Development Goals of the UN 2030 Agenda, the top level of the SDG
 * impact report. Goals are few and fixed, so they are checked against the full list rather than a
 * range alone.
 *
 * <p>The label is derived from the number: whatever label is passed to the constructor is
 * replaced by the catalogue's, so that two goals with the same number are always equal and a goal
 * stored with an older wording still reads as the same goal.
 */
public record SdgGoal(int number, String label) {

    public static final int COUNT = 17;

    private static final String[] LABELS = {
            "No poverty",
            "Zero hunger",
            "Good health and well-being",
            "Quality education",
            "Gender equality",
            "Clean water and sanitation",
            "Affordable and clean energy",
            "Decent work and economic growth",
            "Industry, innovation and infrastructure",
            "Reduced inequalities",
            "Sustainable cities and communities",
            "Responsible consumption and production",
            "Climate action",
            "Life below water",
            "Life on land",
            "Peace, justice and strong institutions",
            "Partnerships for the goals",
    };

    private static final List<SdgGoal> ALL =
            IntStream.rangeClosed(1, COUNT).mapToObj(n -> new SdgGoal(n, LABELS[n - 1])).toList();

    public SdgGoal {
        requireKnown(number, "goal");
        label = LABELS[number - 1];
    }

    /** The goal with this number, or a refusal naming {@code field}. */
    public static SdgGoal of(int number, String field) {
        requireKnown(number, field);
        return ALL.get(number - 1);
    }

    /** The 17 goals in their official order. */
    public static List<SdgGoal> all() {
        return ALL;
    }

    /** The targets of this goal, in their official order. */
    public List<SdgTarget> targets() {
        return SdgTarget.ofGoal(number);
    }

    static boolean isKnown(int number) {
        return number >= 1 && number <= COUNT;
    }

    static void requireKnown(int number, String field) {
        if (!isKnown(number)) {
            throw Refusals.unknown(field, "SDG goal must be a number from 1 to " + COUNT, String.valueOf(number));
        }
    }
}

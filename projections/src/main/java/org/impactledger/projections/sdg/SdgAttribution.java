package org.impactledger.projections.sdg;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.impactledger.core.taxonomy.SdgTarget;

/**
 * Which SDG targets an outcome counts under: the rule shared by the report computed from facts
 * ({@link SdgImpactQueries}) and the totals the projection keeps as it goes ({@link SdgImpactTotals}),
 * so that both attribute every outcome alike.
 *
 * <p>Outcomes without a rate card (Homes4All, exchange) carry their targets on the fact
 * (comma-separated codes). An Outcome Fund outcome counts under every target of the rate card
 * version in force at its outcome date: the version with the latest effective date on or before
 * the outcome date; on the same date the later amendment (higher sequence number) wins, as the
 * aggregate prices outcomes.
 */
final class SdgAttribution {

    /** Each target's place in the order the report prints them. */
    private static final Map<SdgTarget, Integer> PLACES = new HashMap<>();

    static {
        List<SdgTarget> all = SdgTarget.all();
        for (int i = 0; i < all.size(); i++) {
            PLACES.put(all.get(i), i);
        }
    }

    /**
     * Targets in the order the report prints them. (By looking each target up in the list of all 169,
     * comparing targets was 12% of the ledger's CPU samples under SDG reports about the past at 1M
     * events: bench/RESULTS.md, "fifteenth session".)
     */
    static final Comparator<SdgTarget> TARGET_ORDER = Comparator.comparingInt(PLACES::get);

    private SdgAttribution() {
    }

    /** One SDG target of one rate card version, for one metric of one contract. */
    record RateCardRow(String contractId, String metricCode, LocalDate effectiveFrom, long versionSeq, String sdgTarget) {
    }

    /**
     * @param fixedTargets the targets fixed on the fact (comma-separated), or {@code null} for an Outcome Fund outcome
     * @param rows         the rate card rows of the outcome's contract and metric (ignored when targets are fixed)
     */
    static Set<SdgTarget> targets(String fixedTargets, LocalDate outcomeDate, List<RateCardRow> rows) {
        Set<SdgTarget> targets = new TreeSet<>(TARGET_ORDER);
        if (fixedTargets != null) {
            for (String code : fixedTargets.split(",")) {
                targets.add(SdgTarget.parse(code, "sdgTarget"));
            }
            return targets;
        }
        RateCardRow version = rows.stream()
                .filter(r -> !r.effectiveFrom().isAfter(outcomeDate))
                .max(Comparator.comparing(RateCardRow::effectiveFrom).thenComparingLong(RateCardRow::versionSeq))
                .orElse(null);
        if (version != null) {
            rows.stream()
                    .filter(r -> r.effectiveFrom().equals(version.effectiveFrom()) && r.versionSeq() == version.versionSeq())
                    .forEach(r -> targets.add(SdgTarget.parse(r.sdgTarget(), "sdgTarget")));
        }
        return targets;
    }
}

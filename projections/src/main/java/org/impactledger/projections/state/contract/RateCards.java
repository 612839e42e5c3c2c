package org.impactledger.projections.state.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.contract.event.ContractSigned;
import org.impactledger.core.contract.event.RateCardAmended;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versions a contract's rate card and stores it as JSON in {@code contract_view.rate_card}.
 *
 * <p>The price in force for a metric on a date is the one of the highest version whose
 * {@code effectiveFrom} is on or before that date; {@code effectiveUntil} is derived from that rule
 * after every change, so the stored JSON says it without further computation. Lines are kept in
 * metric, then version order, and the JSON is written by this class's own mapper (not the
 * application's), so the same events always give the same text.
 */
final class RateCards {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<RateCardLine>> LINES = new TypeReference<>() {
    };

    private RateCards() {
    }

    static List<RateCardLine> signed(ContractSigned event) {
        List<RateCardLine> lines = new ArrayList<>();
        for (RateCardEntry entry : event.rateCard()) {
            lines.add(line(entry, 1, event.startDate(), null));
        }
        return normalized(lines);
    }

    static List<RateCardLine> amended(List<RateCardLine> current, RateCardAmended event) {
        List<RateCardLine> lines = new ArrayList<>(current);
        for (RateCardEntry entry : event.entries()) {
            int version = lines.stream()
                    .filter(l -> l.metricCode().equals(entry.metricCode()))
                    .mapToInt(RateCardLine::version)
                    .max()
                    .orElse(0) + 1;
            lines.add(line(entry, version, event.effectiveFrom(), event.amendmentId()));
        }
        return normalized(lines);
    }

    static String toJson(List<RateCardLine> lines) {
        return JSON.writeValueAsString(lines);
    }

    static List<RateCardLine> fromJson(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, LINES);
    }

    private static RateCardLine line(RateCardEntry entry, int version, LocalDate from, String amendmentId) {
        return new RateCardLine(entry.metricCode(), version, entry.description(), entry.unitPrice().amount(),
                entry.unitPrice().currency(), entry.sdgTargets(), entry.rule(), from, null, amendmentId);
    }

    /** Sorts by metric and version, and sets each version's end from the versions after it. */
    private static List<RateCardLine> normalized(List<RateCardLine> lines) {
        Map<String, List<RateCardLine>> byMetric = new TreeMap<>();
        for (RateCardLine line : lines) {
            byMetric.computeIfAbsent(line.metricCode(), k -> new ArrayList<>()).add(line);
        }
        List<RateCardLine> result = new ArrayList<>();
        for (List<RateCardLine> versions : byMetric.values()) {
            versions.sort(Comparator.comparingInt(RateCardLine::version));
            for (int i = 0; i < versions.size(); i++) {
                RateCardLine line = versions.get(i);
                LocalDate until = null;
                for (RateCardLine later : versions.subList(i + 1, versions.size())) {
                    if (until == null || later.effectiveFrom().isBefore(until)) {
                        until = later.effectiveFrom();
                    }
                }
                if (until != null && until.isBefore(line.effectiveFrom())) {
                    until = line.effectiveFrom();
                }
                result.add(line.until(until));
            }
        }
        return List.copyOf(result);
    }
}

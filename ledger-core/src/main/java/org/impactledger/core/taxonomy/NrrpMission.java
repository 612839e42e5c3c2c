package org.impactledger.core.taxonomy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A mission of Italy's National Recovery and Resilience Plan (PNRR), the top level by which the
 * city's NRRP-funded spending is reported. The list is closed: a mission outside it cannot have
 * funded anything, so it is refused rather than reported on.
 *
 * <p>M7 is the REPowerEU chapter added when the plan was revised in 2023; it is not split into
 * components (see {@link NrrpComponent#M7}).
 */
public enum NrrpMission {
    M1("Digitalisation, innovation, competitiveness, culture and tourism"),
    M2("Green revolution and ecological transition"),
    M3("Infrastructure for sustainable mobility"),
    M4("Education and research"),
    M5("Inclusion and cohesion"),
    M6("Health"),
    M7("REPowerEU");

    private final String label;

    NrrpMission(String label) {
        this.label = label;
    }

    /** The mission with this code (e.g. "M5", trimmed, either case), or a refusal naming {@code field}. */
    public static NrrpMission of(String code, String field) {
        String value = Refusals.upper(code);
        if (value == null || !value.matches("M[0-9]{1,2}")) {
            throw Refusals.invalid(field, "NRRP mission must be M followed by its number, e.g. M5", code);
        }
        return lookup(value, field, code);
    }

    /** Finds a well-formed mission code; {@code raw} is what the caller sent, for the message. */
    static NrrpMission lookup(String value, String field, String raw) {
        return Arrays.stream(values()).filter(m -> m.name().equals(value)).findFirst()
                .orElseThrow(() -> Refusals.unknown(field, "NRRP mission " + value + " does not exist: the missions are M1 to M7", raw));
    }

    public String code() {
        return name();
    }

    public String label() {
        return label;
    }

    /** The number in the code, e.g. 5 for M5. */
    public int number() {
        return ordinal() + 1;
    }

    /** The components of this mission; for M7 the single entry {@link NrrpComponent#M7}. */
    public List<NrrpComponent> components() {
        return Arrays.stream(NrrpComponent.values()).filter(c -> c.mission() == this).toList();
    }

    /** Whether this mission's measures name a component (every mission but M7). */
    public boolean hasComponents() {
        return components().stream().anyMatch(NrrpComponent::isNumbered);
    }

    /** The component codes, for messages, e.g. "M5C1, M5C2, M5C3". */
    String componentCodes() {
        return components().stream().map(NrrpComponent::code).collect(Collectors.joining(", "));
    }
}

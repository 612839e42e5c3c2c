package org.impactledger.core.taxonomy;

import java.util.Arrays;

/**
 * A component of an NRRP mission (M5C2 is "social infrastructure, families, communities and the
 * third sector"), the level between mission and measure in national monitoring and in the city's
 * NRRP reconciliation. The list is closed, as for {@link NrrpMission}.
 *
 * <p>The REPowerEU mission M7 has no components: its measures are numbered directly under the
 * mission (M7I1, M7R1). So that every measure still has exactly one component, M7 is represented
 * here by the whole-mission entry {@link #M7}, whose code is just "M7"; {@link #isNumbered()} tells
 * it apart from real components.
 */
public enum NrrpComponent {
    M1C1(NrrpMission.M1, "Digitalisation, innovation and security in the public administration"),
    M1C2(NrrpMission.M1, "Digitalisation, innovation and competitiveness of the production system"),
    M1C3(NrrpMission.M1, "Tourism and culture 4.0"),
    M2C1(NrrpMission.M2, "Circular economy and sustainable agriculture"),
    M2C2(NrrpMission.M2, "Renewable energy, hydrogen, grids and sustainable mobility"),
    M2C3(NrrpMission.M2, "Energy efficiency and renovation of buildings"),
    M2C4(NrrpMission.M2, "Protection of land and water resources"),
    M3C1(NrrpMission.M3, "Railway investments and road safety"),
    M3C2(NrrpMission.M3, "Intermodality and integrated logistics"),
    M4C1(NrrpMission.M4, "Education services, from nurseries to universities"),
    M4C2(NrrpMission.M4, "From research to business"),
    M5C1(NrrpMission.M5, "Employment policies"),
    M5C2(NrrpMission.M5, "Social infrastructure, families, communities and the third sector"),
    M5C3(NrrpMission.M5, "Special measures for territorial cohesion"),
    M6C1(NrrpMission.M6, "Local care networks, intermediate facilities and telemedicine"),
    M6C2(NrrpMission.M6, "Innovation, research and digitalisation of the national health service"),
    M7(NrrpMission.M7, "REPowerEU chapter, not divided into components");

    private final NrrpMission mission;
    private final String label;

    NrrpComponent(NrrpMission mission, String label) {
        this.mission = mission;
        this.label = label;
    }

    /**
     * The component with this code (e.g. "M5C2", or "M7" for REPowerEU; trimmed, either case), or a
     * refusal naming {@code field}.
     */
    public static NrrpComponent of(String code, String field) {
        String value = Refusals.upper(code);
        if (value == null || !value.matches("M[0-9]{1,2}(C[0-9]{1,2})?")) {
            throw Refusals.invalid(field, "NRRP component must be M<mission>C<component>, e.g. M5C2, or M7 for REPowerEU", code);
        }
        return lookup(value, field, code);
    }

    /** Finds a well-formed component code, explaining what exists when it is not found. */
    static NrrpComponent lookup(String value, String field, String raw) {
        for (NrrpComponent component : values()) {
            if (component.name().equals(value)) {
                return component;
            }
        }
        int c = value.indexOf('C');
        NrrpMission mission = NrrpMission.lookup(c < 0 ? value : value.substring(0, c), field, raw);
        if (!mission.hasComponents()) {
            throw Refusals.unknown(field, "NRRP mission " + mission + " (" + mission.label()
                    + ") has no components: its measures follow the mission directly, e.g. " + mission + "I1 or " + mission + "R1", raw);
        }
        if (c < 0) {
            throw Refusals.unknown(field, "NRRP mission " + mission + " is divided into components, and the code must name one of "
                    + mission.componentCodes(), raw);
        }
        throw Refusals.unknown(field, "NRRP component " + value + " does not exist: mission " + mission + " has "
                + mission.componentCodes(), raw);
    }

    public String code() {
        return name();
    }

    public NrrpMission mission() {
        return mission;
    }

    public String label() {
        return label;
    }

    /** False for the whole-mission entry {@link #M7}, true for real components such as M5C2. */
    public boolean isNumbered() {
        return this != M7;
    }
}

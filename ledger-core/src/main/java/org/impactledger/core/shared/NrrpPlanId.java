package org.impactledger.core.shared;

/** Typed identifier of a revision of the NRRP plan's reference list of measures (e.g. {@code PNRR-2023-12}); see {@link Identifier}. */
public record NrrpPlanId(String value) implements Identifier {

    public NrrpPlanId {
        Identifier.requireValid(value, "planId");
    }

    public static NrrpPlanId of(String value) {
        return new NrrpPlanId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.impactledger.core.shared;

/**
 * Typed identifier of an NRRP project; see {@link Identifier}. A CUP can cover several local
 * projects, each under its own sub-measure, so the key is the three together, written
 * {@code CUP:localProjectCode:subMeasureCode} (for example
 * {@code C11H22000110001:HF-TO-01:M5C2I1.03.00}). Build it with {@code NrrpProject.idOf}, which
 * validates and canonicalises the parts, rather than by hand.
 */
public record NrrpProjectId(String value) implements Identifier {

    public NrrpProjectId {
        Identifier.requireValid(value, "projectId");
    }

    public static NrrpProjectId of(String value) {
        return new NrrpProjectId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

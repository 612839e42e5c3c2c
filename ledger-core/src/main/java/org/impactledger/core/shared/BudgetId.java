package org.impactledger.core.shared;

/** Typed identifier; see {@link Identifier}. */
public record BudgetId(String value) implements Identifier {

    public BudgetId {
        Identifier.requireValid(value, "budgetId");
    }

    public static BudgetId of(String value) {
        return new BudgetId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.impactledger.core.shared;

/**
 * Typed identifier of an imported bank statement; see {@link Identifier}. It is the bank's own
 * statement identification (camt.053 {@code Stmt/Id}, or the CSV file's statement id), so that
 * importing the same statement again addresses the same aggregate and changes nothing.
 */
public record BankStatementId(String value) implements Identifier {

    public BankStatementId {
        Identifier.requireValid(value, "statementId");
    }

    public static BankStatementId of(String value) {
        return new BankStatementId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

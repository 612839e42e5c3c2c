package org.impactledger.projections.payments;

/**
 * One of the payment audit lists that keep each payment's position ({@code payment_audit_list}):
 * every payment ({@code ALL}), one fund's ({@code FUND}) or one payer's ({@code PAYER}), each in
 * the list's order (first approval, contract, outcome). Lists with other filters (a contract, a fund
 * and a payer) are short or rare and are paged with OFFSET.
 *
 * @param kind           {@code scope_kind} of its row
 * @param id             {@code scope_id} of its row: the fund or payer, {@code ""} for every payment
 * @param column         the column of payment_audit_payment that selects its payments, {@code null} for every payment
 * @param positionColumn the column of payment_audit_payment holding a payment's position in it
 */
record PaymentList(String kind, String id, String column, String positionColumn) {

    static final PaymentList ALL = new PaymentList("ALL", "", null, "list_position");

    static PaymentList fund(String fundId) {
        return new PaymentList("FUND", fundId, "fund_id", "fund_position");
    }

    static PaymentList payer(String payerId) {
        return new PaymentList("PAYER", payerId, "payer_id", "payer_position");
    }

    /** The list of a {@code payment_audit_list} row. */
    static PaymentList of(String kind, String id) {
        return switch (kind) {
            case "ALL" -> ALL;
            case "FUND" -> fund(id);
            case "PAYER" -> payer(id);
            default -> throw new IllegalArgumentException("no payment list of kind " + kind);
        };
    }

    /**
     * @return the list a question without asOf and cursor reads, when it is one of those that keep
     * positions (no filter, only a fund, only a payer); otherwise {@code null}
     */
    static PaymentList of(ListOutcomePayments query) {
        if (query.timeTravel().asOf() != null || query.after() != null) {
            return null;
        }
        return ofFilters(query);
    }

    /**
     * @return the list of the question's filters, whatever its time bounds and cursor, when it is one
     * of those that keep positions and counts per business date (no filter, only a fund, only a
     * payer); otherwise {@code null}
     */
    static PaymentList ofFilters(ListOutcomePayments query) {
        if (query.contractId() != null) {
            return null;
        }
        if (query.fundId() == null && query.payerId() == null) {
            return ALL;
        }
        if (query.payerId() == null) {
            return fund(query.fundId().value());
        }
        return query.fundId() == null ? payer(query.payerId().value()) : null;
    }

    /** {@code " AND <column> = :listId"} for the SQL of payment_audit_payment's rows in the list, or nothing for every payment. */
    String filter() {
        return column == null ? "" : " AND " + column + " = :listId";
    }
}

package org.impactledger.projections.payments;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.impactledger.core.shared.DomainException;
import org.impactledger.projections.state.OpaqueCursor;

/**
 * Where a page of outcome payments ends, in the list's order (first approval, contract, outcome):
 * the next page is asked with it ({@code after}) and starts right after that payment, found
 * through an index instead of counting and skipping every payment before it (OFFSET). Sent as an
 * opaque URL-safe string ({@link #encode()}); the caller only hands back what a page gave it.
 */
public record PaymentCursor(Instant firstApprovedAt, String contractId, String outcomeId) {

    public PaymentCursor {
        Objects.requireNonNull(firstApprovedAt, "firstApprovedAt");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(outcomeId, "outcomeId");
    }

    public String encode() {
        return OpaqueCursor.encode(firstApprovedAt, contractId, outcomeId);
    }

    /** @throws DomainException naming {@code after} when the text is not a cursor this ledger made */
    public static PaymentCursor decode(String text) {
        try {
            String[] parts = OpaqueCursor.decode(text);
            if (parts.length == 3 && !parts[1].isEmpty() && !parts[2].isEmpty()) {
                return new PaymentCursor(Instant.parse(parts[0]), parts[1], parts[2]);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below
        }
        throw DomainException.invalid("after", "after must be the nextCursor of a previous page, was '" + text + "'");
    }
}

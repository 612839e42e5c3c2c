package org.impactledger.projections.payments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import org.impactledger.core.shared.DomainException;

/**
 * Where a page of outcome payments ends, in the list's order (first approval, contract, outcome):
 * the next page is asked with it ({@code after}) and starts right after that payment, found
 * through an index instead of counting and skipping every payment before it (OFFSET). Sent as an
 * opaque URL-safe string ({@link #encode()}); the caller only hands back what a page gave it.
 */
public record PaymentCursor(Instant firstApprovedAt, String contractId, String outcomeId) {

    private static final char SEPARATOR = '\u001f';

    public PaymentCursor {
        Objects.requireNonNull(firstApprovedAt, "firstApprovedAt");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(outcomeId, "outcomeId");
    }

    public String encode() {
        String plain = firstApprovedAt.toString() + SEPARATOR + contractId + SEPARATOR + outcomeId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws DomainException naming {@code after} when the text is not a cursor this ledger made */
    public static PaymentCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            String[] parts = plain.split(String.valueOf(SEPARATOR), -1);
            if (parts.length == 3 && !parts[1].isEmpty() && !parts[2].isEmpty()) {
                return new PaymentCursor(Instant.parse(parts[0]), parts[1], parts[2]);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below
        }
        throw DomainException.invalid("after", "after must be the nextCursor of a previous page, was '" + text + "'");
    }
}

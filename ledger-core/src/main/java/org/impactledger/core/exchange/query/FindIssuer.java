package org.impactledger.core.exchange.query;

import java.util.Objects;
import org.impactledger.core.shared.IssuerId;

/** One issuer with its instruments and reported outcomes; answered with {@code null} when there is no such issuer. */
public record FindIssuer(IssuerId issuerId) {
    public FindIssuer {
        Objects.requireNonNull(issuerId, "issuerId");
    }
}

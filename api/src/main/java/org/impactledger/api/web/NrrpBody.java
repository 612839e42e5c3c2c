package org.impactledger.api.web;

import jakarta.validation.constraints.NotBlank;
import org.impactledger.core.fund.NrrpTag;

/**
 * Marks money as NRRP-funded, as clients send it: {@code {"cup": "C11H22000110001", "measure":
 * "M5C2I1.3"}}. The form only; the domain checks the CUP and the measure against the taxonomy.
 */
public record NrrpBody(@NotBlank String cup, @NotBlank String measure) {

    /** The tag, trimmed; null for a null body (money that is not NRRP-funded). */
    public static NrrpTag toTag(NrrpBody body) {
        return body == null ? null : new NrrpTag(body.cup().trim(), body.measure().trim());
    }
}

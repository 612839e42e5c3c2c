package org.impactledger.core.contract;

import java.util.List;
import java.util.regex.Pattern;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;

/**
 * The single place where the contract checks SDG target codes, so that the rate card can be
 * pointed at the full taxonomy of 169 targets ({@code SdgTarget.parse}) by changing one method.
 * Until then it accepts the form of a target code only: goal 1-17, a dot, then a numeric target
 * (1-99) or a means-of-implementation letter (a-j), for example {@code 1.2}, {@code 11.1} or
 * {@code 17.a}.
 */
public final class SdgCheck {

    private static final Pattern TARGET_FORM = Pattern.compile("^(1[0-7]|[1-9])\\.([1-9][0-9]?|[a-j])$");

    private SdgCheck() {
    }

    /** Refuses the first code that is not a known SDG target, naming {@code field} (e.g. {@code rateCard[0].sdgTargets}). */
    public static void requireKnownTargets(List<String> codes, String field) {
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                throw DomainException.invalid(field, field + " must not contain an empty SDG target");
            }
            if (!TARGET_FORM.matcher(code).matches()) {
                throw new DomainException(ErrorCode.UNKNOWN_CODE, field,
                        field + ": '" + code + "' is not an SDG target (expected goal 1-17, a dot and a target such as 1.2, 11.1 or 17.a)");
            }
        }
    }
}

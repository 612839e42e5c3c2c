package org.impactledger.core.fund;

import org.impactledger.core.shared.DomainException;
import org.impactledger.core.taxonomy.Cup;
import org.impactledger.core.taxonomy.NrrpMeasure;

/**
 * The one place where the fund checks an {@link NrrpTag} against the taxonomy: the CUP's form and
 * the measure's mission and component, in any of the national open-data forms. It returns the tag
 * in canonical form (upper-case CUP; the measure's most specific code: sub-measure when given,
 * else measure code), so equal codes are stored equally.
 */
final class NrrpCodes {

    static final String CUP_FIELD = "nrrp.cup";
    static final String MEASURE_FIELD = "nrrp.measure";

    private NrrpCodes() {
    }

    /** Refuses a tag whose CUP or measure is missing, malformed or unknown; a null tag (not NRRP-funded) passes. */
    static NrrpTag check(NrrpTag tag) {
        if (tag == null) {
            return null;
        }
        if (tag.cup() == null || tag.cup().isBlank()) {
            throw DomainException.invalid(CUP_FIELD, "the CUP of an NRRP-funded budget is required");
        }
        if (tag.measure() == null || tag.measure().isBlank()) {
            throw DomainException.invalid(MEASURE_FIELD, "the NRRP measure of an NRRP-funded budget is required");
        }
        Cup cup = Cup.parse(tag.cup(), CUP_FIELD);
        NrrpMeasure measure = NrrpMeasure.parse(tag.measure(), MEASURE_FIELD);
        return new NrrpTag(cup.value(), measure.subMeasureCode() != null ? measure.subMeasureCode() : measure.measureCode());
    }
}

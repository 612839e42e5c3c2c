package org.impactledger.core.housing.query;

import org.impactledger.core.housing.TurinDistrict;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Paging;

/**
 * One page of Homes4All properties ordered by id, optionally only one fund's ({@code fundId}) and
 * one district's ({@code district}, "1" to "8", checked against Turin's districts). {@code page}
 * counts from 0; the read side caps {@code size} at 200.
 */
public record ListProperties(FundId fundId, String district, int page, int size) {
    public ListProperties {
        district = district == null || district.isBlank() ? null : TurinDistrict.of(district, "district").code();
        Paging.check(page, size);
    }
}

package org.impactledger.projections.housing;

import java.util.List;
import org.impactledger.projections.state.Page;

/** One page of properties (see {@link Page} for why each item type has its own page record). */
public record PropertyPage(List<PropertyView> items, int page, int size, long total) implements Page<PropertyView> {
}

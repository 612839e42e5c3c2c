package org.impactledger.projections.state.contract;

import java.util.List;
import org.impactledger.projections.state.Page;

/** A page of contracts, ordered by contract id. */
public record ContractPage(List<ContractView> items, int page, int size, long total) implements Page<ContractView> {
    public ContractPage {
        items = List.copyOf(items);
    }
}

package org.impactledger.core.fund.event;

import java.time.LocalDate;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.axonframework.serialization.Revision;

/** The fund's net asset value at a date. */
@Revision("1")
public record ValuationRecorded(FundId fundId, Money netAssetValue, LocalDate asOf, String method) implements FundEvent {
}

package org.impactledger.core.fund.event;

import java.math.BigDecimal;
import org.impactledger.core.shared.FundId;
import org.axonframework.serialization.Revision;

/** A fund was opened with its currency, manager and return cap multiple. */
@Revision("1")
public record FundOpened(FundId fundId, String name, String currency, String manager, BigDecimal returnCapMultiple) implements FundEvent {
}

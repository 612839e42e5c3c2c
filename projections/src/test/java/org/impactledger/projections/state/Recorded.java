package org.impactledger.projections.state;

import java.time.Instant;
import org.impactledger.core.contract.event.ContractEvent;
import org.impactledger.core.exchange.event.IssuerEvent;
import org.impactledger.core.fund.event.FundEvent;
import org.impactledger.core.housing.event.PropertyEvent;

/**
 * An event as the event store holds it: the payload, its sequence number in its aggregate's stream,
 * and its timestamp. What a tracking processor would hand to the handlers.
 */
public record Recorded(Object payload, long sequenceNumber, Instant timestamp) {

    /** The id of the aggregate whose stream the event belongs to. */
    public String aggregateId() {
        if (payload instanceof FundEvent e) {
            return e.fundId().value();
        }
        if (payload instanceof ContractEvent e) {
            return e.contractId().value();
        }
        if (payload instanceof PropertyEvent e) {
            return e.propertyId().value();
        }
        if (payload instanceof IssuerEvent e) {
            return e.issuerId().value();
        }
        throw new IllegalArgumentException("not a ledger event: " + payload);
    }
}

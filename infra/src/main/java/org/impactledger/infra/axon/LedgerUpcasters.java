package org.impactledger.infra.axon;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every change to the stored shape of an event, as an upcaster from one revision to the next.
 * Stored events are never rewritten: the JDBC event store reads old revisions through
 * {@link #chain()} (and Axon's configuration does the same for Axon Server, from the bean of the
 * same chain), so aggregates and projections only ever see the current classes.
 *
 * <p>Adding an upcaster: bump the event's {@code @Revision}, keep its previous approved JSON under
 * {@code approved-events/earlier-revisions/} and add a case to {@code UpcastingTest}.
 */
public final class LedgerUpcasters {

    private LedgerUpcasters() {
    }

    /** The upcasters in the order they apply. */
    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(new PropertyAcquisitionPaidUpcaster());
    }

    /**
     * {@code PropertyAcquisitionPaid} revision 1 → 2: an acquisition recorded before Homes4All money
     * could be NRRP-tagged was not NRRP-funded and had no bank reference, so both new fields are null.
     */
    static final class PropertyAcquisitionPaidUpcaster extends SingleEventUpcaster {

        private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(PropertyAcquisitionPaid.class.getName(), "1");
        private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(PropertyAcquisitionPaid.class.getName(), "2");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return REVISION_1.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(REVISION_2, ObjectNode.class, payload -> {
                payload.putNull("nrrp");
                payload.putNull("bankReference");
                return payload;
            });
        }
    }
}

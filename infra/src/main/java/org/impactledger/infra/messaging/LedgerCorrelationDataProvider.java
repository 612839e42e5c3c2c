package org.impactledger.infra.messaging;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies who/why metadata from a command to every event it causes, and records the causing
 * message's id as {@code causationId}. The correlation id is kept from the first message of the
 * chain (set by the API), so one business request can be followed through all its events.
 *
 * <p>Only a command causes messages in this ledger. The handlers of events (the read models) and of
 * queries dispatch nothing, so for any other message this provider gives nothing. That matters:
 * Axon works the correlation data out again for every message created inside a unit of work,
 * including the result message it wraps around each event a read model handles and then discards.
 * For ten read models that was 4 % of their CPU in a rebuild (bench/RESULTS.md, twentieth session).
 * A handler of events that dispatches commands (a saga) would need this provider to cover events too.
 */
public class LedgerCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage)) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        for (String key : LedgerMetaData.PROPAGATED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.putIfAbsent(LedgerMetaData.CORRELATION_ID, message.getIdentifier());
        data.put(LedgerMetaData.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}

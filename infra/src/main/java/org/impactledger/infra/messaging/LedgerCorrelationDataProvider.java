package org.impactledger.infra.messaging;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Copies who/why metadata from a command to every event it causes, and records the causing
 * message's id as {@code causationId}. The correlation id is kept from the first message of the
 * chain (set by the API), so one business request can be followed through all its events.
 */
public class LedgerCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
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

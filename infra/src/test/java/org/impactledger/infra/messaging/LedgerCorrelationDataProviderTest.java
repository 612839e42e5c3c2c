package org.impactledger.infra.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.junit.jupiter.api.Test;

class LedgerCorrelationDataProviderTest {

    private final LedgerCorrelationDataProvider provider = new LedgerCorrelationDataProvider();

    @Test
    void aCommandPassesWhoAndWhyToWhatItCauses() {
        MetaData metaData = MetaData.from(Map.of(
                LedgerMetaData.PRINCIPAL, "fund-manager",
                LedgerMetaData.ROLE, "FUND_MANAGER",
                LedgerMetaData.COMMAND_ID, "key-1",
                LedgerMetaData.CORRELATION_ID, "corr-1",
                LedgerMetaData.BUSINESS_DATE, "2026-06-30",
                LedgerMetaData.REQUEST_HASH, "not propagated"));
        var command = new GenericCommandMessage<>("record", metaData);

        Map<String, Object> data = Map.copyOf(provider.correlationDataFor(command));

        assertThat(data).containsOnly(
                Map.entry(LedgerMetaData.PRINCIPAL, "fund-manager"),
                Map.entry(LedgerMetaData.ROLE, "FUND_MANAGER"),
                Map.entry(LedgerMetaData.COMMAND_ID, "key-1"),
                Map.entry(LedgerMetaData.CORRELATION_ID, "corr-1"),
                Map.entry(LedgerMetaData.BUSINESS_DATE, "2026-06-30"),
                Map.entry(LedgerMetaData.CAUSATION_ID, command.getIdentifier()));
    }

    @Test
    void aCommandWithoutACorrelationIdStartsItsChain() {
        var command = new GenericCommandMessage<>("record", MetaData.emptyInstance());

        assertThat(Map.<String, Object>copyOf(provider.correlationDataFor(command))).containsOnly(
                Map.entry(LedgerMetaData.CORRELATION_ID, command.getIdentifier()),
                Map.entry(LedgerMetaData.CAUSATION_ID, command.getIdentifier()));
    }

    @Test
    void eventsAndQueriesCauseNothing() {
        MetaData metaData = MetaData.with(LedgerMetaData.PRINCIPAL, "auditor").and(LedgerMetaData.CORRELATION_ID, "corr-1");

        assertThat(provider.correlationDataFor(new GenericEventMessage<>("recorded", metaData))).isEmpty();
        assertThat(provider.correlationDataFor(
                new GenericQueryMessage<>("report", ResponseTypes.instanceOf(String.class)).andMetaData(metaData))).isEmpty();
    }
}

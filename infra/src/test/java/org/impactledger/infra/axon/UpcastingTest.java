package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.impactledger.core.fund.event.PropertyAcquisitionPaid;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;
import org.junit.jupiter.api.Test;

/**
 * Events stored in an earlier revision (their approved JSON kept under
 * {@code approved-events/earlier-revisions/}) are read through {@link LedgerUpcasters#chain()} as the
 * event store reads them, and come out as the current class with the meaning they had.
 */
class UpcastingTest {

    private static DomainEventData<byte[]> stored(Class<?> type, String revision) throws IOException {
        String json = Files.readString(Path.of("src/test/resources/approved-events/earlier-revisions",
                type.getSimpleName() + "." + revision + ".json"), StandardCharsets.UTF_8).strip();
        byte[] metaData = EventSerializationTest.SERIALIZER.serialize(MetaData.emptyInstance(), byte[].class).getData();
        return new GenericDomainEventEntry<>("Fund", "fund-1", 7, "event-1", Instant.parse("2026-03-03T10:00:00Z"),
                type.getName(), revision, json.getBytes(StandardCharsets.UTF_8), metaData);
    }

    /** The stored event as the event store hands it to aggregates and processors. */
    private static List<Object> read(Class<?> type, String revision) throws IOException {
        DomainEventData<byte[]> stored = stored(type, revision);
        return EventStreamUtils.upcastAndDeserializeDomainEvents(java.util.stream.Stream.of(stored), EventSerializationTest.SERIALIZER,
                LedgerUpcasters.chain()).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    /** The revision and fields after the chain: the current revision, with the new fields written out. */
    private static IntermediateEventRepresentation upcast(Class<?> type, String revision) throws IOException {
        return LedgerUpcasters.chain().upcast(java.util.stream.Stream.of(new InitialEventRepresentation(stored(type, revision),
                EventSerializationTest.SERIALIZER))).findFirst().orElseThrow();
    }

    @Test
    void revision_1_of_property_acquisition_paid_becomes_revision_2_with_null_nrrp_and_bank_reference() throws IOException {
        IntermediateEventRepresentation upcast = upcast(PropertyAcquisitionPaid.class, "1");

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        String payload = new String(upcast.getData(byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"nrrp\":null").contains("\"bankReference\":null").contains("\"amount\":\"420000.00\"");
    }

    @Test
    void a_property_acquisition_paid_before_nrrp_tagging_reads_as_not_nrrp_funded_and_without_bank_reference() throws IOException {
        assertThat(read(PropertyAcquisitionPaid.class, "1")).containsExactly(new PropertyAcquisitionPaid(FundId.of("fund-1"),
                PropertyId.of("prop-1"), Money.of("420000.00", "EUR"), LocalDate.of(2026, 3, 3), null, null));
    }
}

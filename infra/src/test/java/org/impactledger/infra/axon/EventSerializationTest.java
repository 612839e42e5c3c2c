package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored shape of every event is a public contract. Each sample is serialized exactly as the
 * event store does and compared with an approved JSON file under {@code approved-events/}; a
 * changed shape fails here and needs an upcaster plus a new revision ({@code LedgerUpcasters}), not
 * an edited file.
 */
class EventSerializationTest {

    static final Jackson3Serializer SERIALIZER = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new LedgerSerializationConfiguration().ledgerJacksonCustomizer())
            .build();

    /**
     * The events past their first revision; each earlier revision's approved JSON is kept under
     * {@code approved-events/earlier-revisions/} and read back through its upcaster in {@code UpcastingTest}.
     */
    static final java.util.Map<Class<?>, String> REVISIONS = java.util.Map.of(
            org.impactledger.core.fund.event.PropertyAcquisitionPaid.class, "2");

    static List<Object> events() {
        return java.util.stream.Stream.concat(EventSamples.all().stream(), ExchangeEventSamples.all().stream()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void each_event_serializes_to_its_approved_json_and_back(Object event) throws IOException {
        SerializedObject<String> serialized = SERIALIZER.serialize(event, String.class);
        Path approved = Path.of("src/test/resources/approved-events", event.getClass().getSimpleName() + ".json");
        if (!Files.exists(approved)) {
            Files.createDirectories(approved.getParent());
            Files.writeString(approved, serialized.getData() + "\n", StandardCharsets.UTF_8);
            throw new AssertionError("No approved JSON for " + event.getClass().getSimpleName() + "; wrote " + approved + ": review and commit it");
        }
        assertThat(serialized.getData()).isEqualTo(Files.readString(approved, StandardCharsets.UTF_8).strip());
        assertThat(serialized.getType().getRevision()).isEqualTo(REVISIONS.getOrDefault(event.getClass(), "1"));
        Object back = SERIALIZER.deserialize(serialized);
        assertThat(back).isEqualTo(event);
    }

    @Test
    void every_event_type_has_a_sample() {
        long sealedEvents = List.of(org.impactledger.core.fund.event.FundEvent.class, org.impactledger.core.contract.event.ContractEvent.class,
                        org.impactledger.core.housing.event.PropertyEvent.class,
                        org.impactledger.core.exchange.event.IssuerEvent.class, org.impactledger.core.exchange.event.InstrumentEvent.class,
                        org.impactledger.core.exchange.event.AccountEvent.class,
                        org.impactledger.core.nrrp.event.NrrpProjectEvent.class, org.impactledger.core.nrrp.event.BankStatementEvent.class,
                        org.impactledger.core.nrrp.event.NrrpPlanEvent.class,
                        org.impactledger.core.privacy.event.DataSubjectEvent.class)
                .stream().mapToLong(type -> type.getPermittedSubclasses().length).sum();
        assertThat(events().stream().map(Object::getClass).distinct().count()).isEqualTo(sealedEvents);
    }

    @Test
    void every_identifier_type_is_written_as_a_plain_string() {
        for (IdentifierModule.IdType<?> idType : IdentifierModule.TYPES) {
            Object id = (Object) idType.factory().apply("x-1");
            assertThat(SERIALIZER.serialize(id, String.class).getData()).isEqualTo("\"x-1\"");
            Object back = SERIALIZER.deserialize(SERIALIZER.serialize(id, String.class));
            assertThat(back).isEqualTo(id);
        }
    }
}

package org.impactledger.infra.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * With {@link SpreadCreators} the ledger's classes are constructed through the spreading handle, and
 * Jackson reads everything as it does without the module: the same objects, the same refusals.
 */
class SpreadCreatorsTest {

    private static final JsonMapper WITH = JsonMapper.builder().addModule(new SpreadCreators()).build();
    private static final JsonMapper WITHOUT = JsonMapper.builder().build();

    public record Outcome(String contractId, int units, long sequence, boolean verified, BigDecimal quantity, LocalDate outcomeDate,
                          List<String> targets) {
        public Outcome {
            if (contractId != null && contractId.isBlank()) {
                throw new IllegalArgumentException("contractId must not be blank");
            }
            if (units < 0) {
                throw new IllegalStateException("units must not be negative");
            }
            if (sequence == 42) {
                throw new AssertionError("an error, not an exception");
            }
        }
    }

    public record Made(String name, int count) {
        @JsonCreator
        public static Made of(@JsonProperty("name") String name, @JsonProperty("count") int count) {
            return new Made(name.toUpperCase(java.util.Locale.ROOT), count);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"contractId\":\"sib-1\",\"units\":3,\"sequence\":9,\"verified\":true,\"quantity\":\"1.500000\",\"outcomeDate\":\"2026-08-01\","
                    + "\"targets\":[\"11.1\",\"1.2\"]}",
            "{\"units\":0,\"sequence\":1,\"verified\":false}",
            "{\"targets\":[],\"quantity\":12.25,\"verified\":false,\"units\":2147483647,\"sequence\":-9223372036854775808}",
    })
    void the_same_json_gives_the_same_record(String json) {
        assertThat(WITH.readValue(json, Outcome.class)).isEqualTo(WITHOUT.readValue(json, Outcome.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"contractId\":\" \"}", "{\"units\":-1}", "{\"units\":\"x\"}", "{\"outcomeDate\":\"2026-02-30\"}",
            "{\"sequence\":42}", "{\"units\":1.5,\"contractId\":\"\"}", "{}", "{\"units\":0}",
            "{\"contractId\":null,\"units\":null,\"sequence\":null,\"verified\":null,\"quantity\":null}"})
    void what_the_constructor_or_jackson_refuses_is_refused_alike(String json) {
        Throwable ours = catchThrowable(() -> WITH.readValue(json, Outcome.class));
        Throwable jacksons = catchThrowable(() -> WITHOUT.readValue(json, Outcome.class));

        assertThat(ours).isNotNull();
        assertThat(ours.getClass()).isEqualTo(jacksons.getClass());
        assertThat(ours.getMessage()).isEqualTo(jacksons.getMessage());
        assertThat(String.valueOf(ours.getCause())).isEqualTo(String.valueOf(jacksons.getCause()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"units\":0}", "{\"contractId\":null,\"units\":null,\"sequence\":null,\"verified\":null,\"quantity\":null}"})
    void missing_and_null_primitives_read_alike_when_the_mapper_allows_them(String json) {
        JsonMapper lenientWith = WITH.rebuild().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        JsonMapper lenientWithout = WITHOUT.rebuild().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

        assertThat(lenientWith.readValue(json, Outcome.class)).isEqualTo(lenientWithout.readValue(json, Outcome.class))
                .isEqualTo(new Outcome(null, 0, 0, false, null, null, null));
    }

    @Test
    void the_ledgers_records_are_made_through_the_spreading_handle_and_other_classes_as_jackson_makes_them() {
        assertThat(instantiator(WITH, Outcome.class)).isInstanceOfSatisfying(SpreadCreators.Spreading.class,
                spreading -> assertThat(spreading.spreads()).isTrue());
        assertThat(instantiator(WITH, Made.class)).isInstanceOfSatisfying(SpreadCreators.Spreading.class,
                spreading -> assertThat(spreading.spreads()).as("a factory method is left to Jackson").isFalse());
        assertThat(instantiator(WITHOUT, Outcome.class)).isNotInstanceOf(SpreadCreators.Spreading.class);
        assertThat(instantiator(WITH, GlobalSequenceTrackingToken.class)).isNotInstanceOf(SpreadCreators.Spreading.class);
        assertThat(WITH.readValue("{\"globalIndex\":7}", GlobalSequenceTrackingToken.class)).isEqualTo(new GlobalSequenceTrackingToken(7));
    }

    @Test
    void a_factory_method_creator_keeps_working() {
        assertThat(WITH.readValue("{\"name\":\"fund\",\"count\":2}", Made.class)).isEqualTo(new Made("FUND", 2))
                .isEqualTo(WITHOUT.readValue("{\"name\":\"fund\",\"count\":2}", Made.class));
    }

    /** The value instantiator of the bean deserializer the mapper finds for {@code type}, asked from inside a deserialization. */
    private static ValueInstantiator instantiator(JsonMapper mapper, Class<?> type) {
        JsonMapper probing = mapper.rebuild().addModule(new SimpleModule("probe").addDeserializer(Probe.class, new ValueDeserializer<>() {
            @Override
            public Probe deserialize(JsonParser parser, DeserializationContext context) {
                return new Probe(((BeanDeserializerBase) context.findRootValueDeserializer(context.constructType(type))).getValueInstantiator());
            }
        })).build();
        return probing.readValue("0", Probe.class).instantiator();
    }

    private record Probe(ValueInstantiator instantiator) {
    }
}

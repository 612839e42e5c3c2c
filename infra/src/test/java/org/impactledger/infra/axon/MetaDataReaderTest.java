package org.impactledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The ledger's serializer reads stored metadata with {@link MetaDataReader}, and reads it as Axon's own
 * serializer does: the same keys, values and value types, for the metadata the ledger writes and for
 * any other JSON object a store may hold.
 */
class MetaDataReaderTest {

    private static final Jackson3Serializer LEDGER = EventSerializationTest.SERIALIZER;
    private static final Jackson3Serializer AXON = Jackson3Serializer.builder().build();

    @Test
    void the_ledgers_serializer_reads_metadata_with_the_reader() {
        assertThat(LEDGER.getObjectMapper().readValue("{\"a\":\"b\"}", MetaData.class)).isEqualTo(MetaData.with("a", "b"));
        assertThat(deserializerClass(LEDGER)).isEqualTo(MetaDataReader.class);
        assertThat(deserializerClass(AXON)).isNotEqualTo(MetaDataReader.class);
    }

    @Test
    void metadata_as_the_ledger_writes_it_reads_back_as_written() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("principal", "provider-casa-solidale");
        values.put("role", "PROVIDER");
        values.put("commandId", "3f1c2a9e-8d4b-4c1e-9a7f-0b2d6e5c4a31");
        values.put("correlationId", "3f1c2a9e-8d4b-4c1e-9a7f-0b2d6e5c4a31");
        values.put("causationId", "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d");
        values.put("businessDate", "2026-08-01");
        values.put("traceId", "0af7651916cd43dd8448eb211c80319c");
        MetaData written = MetaData.from(values);
        SerializedObject<byte[]> stored = LEDGER.serialize(written, byte[].class);

        MetaData read = LEDGER.deserialize(stored);
        assertThat(read).isEqualTo(written).isEqualTo(AXON.deserialize(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"s\":\"text\",\"empty\":\"\",\"accents\":\"Città – ünïcødé 🏠\",\"escapes\":\"a\\\"b\\\\c\\n\\u0041\"}",
            "{\"int\":1,\"negative\":-42,\"long\":9223372036854775807,\"big\":123456789012345678901234567890,\"double\":1.5,\"exp\":1e3}",
            "{\"t\":true,\"f\":false,\"n\":null}",
            "{\"object\":{\"x\":1,\"y\":[1,\"two\",null,{\"z\":false}]},\"array\":[],\"nested\":[[1],[2.25]]}",
            "{\"same\":\"first\",\"same\":\"last\"}",
            "  {  \"spaced\" :  \"out\"  }  ",
    })
    void any_stored_object_reads_as_axons_serializer_reads_it(String json) {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(MetaData.class.getName(), null));

        MetaData ours = LEDGER.deserialize(stored);
        MetaData axons = AXON.deserialize(stored);

        assertThat(ours).isEqualTo(axons);
        ours.forEach((key, value) -> assertThat(classOf(value)).as(key).isEqualTo(classOf(axons.get(key))));
    }

    @Test
    void values_keep_the_types_axon_gives_them() {
        MetaData read = LEDGER.deserialize(new SimpleSerializedObject<>(
                "{\"i\":7,\"l\":9223372036854775807,\"d\":2.5,\"b\":true,\"o\":{\"k\":\"v\"},\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(MetaData.class.getName(), null)));

        assertThat(read.get("i")).isEqualTo(7);
        assertThat(read.get("l")).isEqualTo(Long.MAX_VALUE);
        assertThat(read.get("d")).isEqualTo(2.5);
        assertThat(read.get("b")).isEqualTo(true);
        assertThat(read.get("o")).isEqualTo(Map.of("k", "v"));
        assertThat(read.get("a")).isEqualTo(List.of(1, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "42", "{\"unclosed\":\"value\"", "{\"a\":}"})
    void what_is_not_an_object_is_refused_as_axon_refuses_it(String json) {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(MetaData.class.getName(), null));

        assertThatThrownBy(() -> AXON.deserialize(stored)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> LEDGER.deserialize(stored)).isInstanceOf(SerializationException.class);
    }

    private static Class<?> classOf(Object value) {
        return value == null ? null : value.getClass();
    }

    /** The class of the deserializer the serializer's mapper finds for MetaData, asked from inside a deserialization. */
    private static Class<?> deserializerClass(Jackson3Serializer serializer) {
        ObjectMapper probing = serializer.getObjectMapper().rebuild()
                .addModule(new SimpleModule("probe").addDeserializer(Probe.class, new ValueDeserializer<>() {
                    @Override
                    public Probe deserialize(JsonParser parser, DeserializationContext context) {
                        return new Probe(context.findRootValueDeserializer(context.constructType(MetaData.class)).getClass());
                    }
                }))
                .build();
        return probing.readValue("0", Probe.class).deserializer();
    }

    private record Probe(Class<?> deserializer) {
    }
}

package org.impactledger.infra.axon;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;

/**
 * Reads an event's stored metadata (a JSON object) into Axon's {@link MetaData}, as Axon's own
 * Jackson 3 {@code MetaDataDeserializer} does, without looking a deserializer up for every message.
 *
 * <p>Why: Axon's deserializer asks the context for a {@code Map<String, Object>} deserializer on each
 * call, and the context builds and contextualizes a new map deserializer (with its key deserializer)
 * each time. In a profile of the start-up build of a 209,280-event store that lookup was 44 of the 119
 * samples that went to reading metadata, and the map itself 19 (bench/RESULTS.md, "twenty-first
 * session"). The read models read every event's metadata (its business date and principal).
 *
 * <p>The result is the same: a text value is read as a {@code String}, {@code null} as null, and every
 * other value (numbers, booleans, objects, arrays) by Jackson's untyped deserializer, which is the one the
 * map deserializer uses for {@code Object}; a repeated name keeps its last value. {@code
 * MetaDataReaderTest} holds the two to the same metadata.
 */
final class MetaDataReader extends ValueDeserializer<MetaData> {

    @Override
    public MetaData deserialize(JsonParser parser, DeserializationContext context) {
        String name;
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            name = parser.nextName();
        } else if (token == JsonToken.PROPERTY_NAME) {
            name = parser.currentName();
        } else {
            return (MetaData) context.handleUnexpectedToken(MetaData.class, parser);
        }
        Map<String, Object> values = new HashMap<>();
        for (; name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                values.put(name, parser.getString());
            } else if (value == JsonToken.VALUE_NULL) {
                values.put(name, null);
            } else {
                values.put(name, context.readValue(parser, Object.class));
            }
        }
        return MetaData.from(values);
    }

    /** As Axon's: metadata written with type information is read through it. */
    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer typeDeserializer) {
        return typeDeserializer.deserializeTypedFromObject(parser, context);
    }

    /** Keeps no state: the mapper can keep this one instance instead of finding it again. */
    @Override
    public boolean isCachable() {
        return true;
    }
}

package org.impactledger.api.config;

import org.impactledger.infra.messaging.SpreadCreators;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How the ledger reads JSON from its clients: what was sent is what is recorded, or the request is
 * refused. Jackson, by default, quietly turns some input into something else; every such coercion
 * that would change what the client meant is switched off here, for the HTTP mapper (Spring Boot's
 * {@code JsonMapper}, through a {@link JsonMapperBuilderCustomizer}) and for the bulk import's NDJSON
 * rows alike ({@link #strict(JsonMapper.Builder)}).
 *
 * <p>Refused, with Jackson's default in brackets (Jackson 3.1):
 * <ul>
 *   <li>a fractional number for a whole-number field: {@code "quantity": 1.5} [truncated to 1;
 *       {@code ACCEPT_FLOAT_AS_INT} is on]; {@code 1.0} and {@code 1e2} too, they are not written as whole numbers;</li>
 *   <li>a JSON number or boolean where text is expected: {@code "investorId": 12}, {@code "name": true}
 *       [turned into the strings "12", "true"];</li>
 *   <li>a number for an enum: {@code "side": 0} or {@code "0"} [the constant at that index, BUY];</li>
 *   <li>a number for a date: {@code "valueDate": 20260101} [read as a day count since 1970: the year 57440];</li>
 *   <li>a number for a boolean: {@code 1} [true];</li>
 *   <li>an empty or blank string for a number, date, enum or boolean: {@code "placedOn": ""} [null: an
 *       optional date silently replaced by the business date, a required one reported as missing];</li>
 *   <li>a key twice in one object: {@code {"outcomeId": "a", "outcomeId": "b"}} [the last one wins];</li>
 *   <li>an unknown property [ignored].</li>
 * </ul>
 * Still refused by Jackson's own defaults, and kept so: a number out of range of {@code int}/{@code long}
 * (never wrapped), a single value for a list ({@code ACCEPT_SINGLE_VALUE_AS_ARRAY} off), a one-element
 * list for a single value ({@code UNWRAP_SINGLE_VALUE_ARRAYS} off), {@code null} for a primitive,
 * trailing content after the body. Kept on purpose: a decimal as a JSON string or number
 * ({@code "1500.00"} or {@code 1500.00}: both read exactly into {@code BigDecimal}) and a whole number
 * as a string ({@code "10"}), which change nothing.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    /** The HTTP JSON mapper, as Spring Boot builds it, with the ledger's strict reading. */
    @Bean
    public JsonMapperBuilderCustomizer strictJsonReading() {
        return StrictJson::strict;
    }

    /**
     * Applies the strict reading to {@code builder}, with the ledger's records constructed through a handle made once
     * per class ({@link SpreadCreators}, which reads nothing differently); returns it.
     */
    public static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return builder
                .addModule(new SpreadCreators())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // "" or "  " is not a number, a date, an enum constant or a boolean (text fields keep their strings)
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail).setAcceptBlankAsEmpty(true))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }
}

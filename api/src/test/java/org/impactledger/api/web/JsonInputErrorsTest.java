package org.impactledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.api.config.StrictJson;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strict reader (StrictJson) against the Jackson version on the class path, and the field, rule
 * and sentence each refusal is described with. Pins Jackson's wording of a duplicate key, the one
 * refusal recognised by its message: if an upgrade changes it, this test says so.
 */
class JsonInputErrorsTest {

    enum Side { BUY, SELL }

    record Line(String code, List<String> targets) {
    }

    record Body(Long quantity, Integer rooms, BigDecimal amount, String name, LocalDate on, Side side, Boolean flag, Line line,
                List<Line> lines) {
    }

    private static final JsonMapper STRICT = StrictJson.strict(JsonMapper.builder()).build();

    private static JsonInputErrors.Described refusal(String json) {
        // as Spring reads a body: from a stream, closed before the error is described
        JacksonException e = catchThrowableOfType(JacksonException.class,
                () -> STRICT.readValue(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Body.class));
        assertThat(e).as(json + " must be refused").isNotNull();
        return JsonInputErrors.describe(e);
    }

    @Test
    void a_key_twice_is_named_with_its_path_however_deep() {
        assertThat(refusal("{\"name\":\"a\",\"name\":\"b\"}"))
                .isEqualTo(new JsonInputErrors.Described("name", "duplicate-property", "property 'name' appears more than once; send each property once"));
        assertThat(refusal("{\"line\":{\"code\":\"a\",\"code\":\"b\"}}").field()).isEqualTo("line.code");
        assertThat(refusal("{\"lines\":[{\"code\":\"a\"},{\"targets\":[],\"targets\":[\"1.1\"]}]}").field()).isEqualTo("lines[1].targets");
    }

    @Test
    void coercions_that_would_change_the_value_are_refused_as_type_errors() {
        assertThat(refusal("{\"quantity\":1.5}")).isEqualTo(new JsonInputErrors.Described("quantity", "type",
                "'1.5' is not a whole number (a JSON integer such as 12, or the string \"12\"; no decimals)"));
        assertThat(refusal("{\"rooms\":2.9}").message()).startsWith("'2.9' is not a whole number");
        assertThat(refusal("{\"quantity\":1e2}").message()).startsWith("a number written with a decimal point or an exponent is not a whole number");
        assertThat(refusal("{\"name\":12}")).isEqualTo(new JsonInputErrors.Described("name", "type", "'12' is not text (a JSON string)"));
        assertThat(refusal("{\"name\":true}").rule()).isEqualTo("type");
        assertThat(refusal("{\"line\":{\"targets\":[11.1]}}").field()).isEqualTo("line.targets[0]");
        assertThat(refusal("{\"side\":0}")).isEqualTo(new JsonInputErrors.Described("side", "type", "'0' is not one of BUY, SELL"));
        assertThat(refusal("{\"side\":\"1\"}").field()).isEqualTo("side");
        assertThat(refusal("{\"on\":20260101}").message()).endsWith("is not a date (a JSON string yyyy-MM-dd)");
        assertThat(refusal("{\"flag\":1}").message()).isEqualTo("'1' is not true or false");
        for (String field : List.of("quantity", "amount", "on", "side", "flag")) {
            assertThat(refusal("{\"" + field + "\":\"\"}")).as(field).extracting(JsonInputErrors.Described::field, d -> d.message().startsWith("an empty string is not"))
                    .containsExactly(field, true);
            assertThat(refusal("{\"" + field + "\":\"  \"}").field()).as(field).isEqualTo(field);
        }
    }

    @Test
    void numbers_beyond_the_range_and_values_of_the_wrong_shape_stay_refused() {
        assertThat(refusal("{\"quantity\":99999999999999999999}")).isEqualTo(new JsonInputErrors.Described("quantity", "range",
                "the number is out of range: a whole number from -9223372036854775808 to 9223372036854775807 is expected"));
        assertThat(refusal("{\"rooms\":3000000000}").rule()).isEqualTo("range");
        assertThat(refusal("{\"line\":{\"targets\":\"1.1\"}}")).extracting(JsonInputErrors.Described::field, JsonInputErrors.Described::rule)
                .containsExactly("line.targets", "type");
        assertThat(refusal("{\"quantity\":[2]}").rule()).isEqualTo("type");
        assertThat(refusal("{\"colour\":\"red\"}")).isEqualTo(new JsonInputErrors.Described("colour", "unknown-property", "unknown property 'colour'"));
        assertThat(refusal("{\"name\":\"a\"} {}").rule()).isEqualTo("json-syntax");
    }

    @Test
    void what_changes_nothing_is_still_read() throws Exception {
        Body body = STRICT.readValue("{\"quantity\":\"12\",\"rooms\":3,\"amount\":1500.10,\"name\":\"x\",\"on\":\"2026-03-03\","
                + "\"side\":\"SELL\",\"flag\":\"true\",\"line\":{\"code\":\"c\",\"targets\":[\"1.1\"]}}", Body.class);
        assertThat(body.quantity()).isEqualTo(12L);
        assertThat(body.amount()).isEqualByComparingTo("1500.10").hasScaleOf(2);
        assertThat(body.on()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(body.flag()).isTrue();
    }
}

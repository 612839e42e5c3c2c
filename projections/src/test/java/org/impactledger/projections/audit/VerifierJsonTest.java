package org.impactledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The verifier's own JSON reader reads what Jackson writes, exactly, and refuses what is not JSON. */
class VerifierJsonTest {

    @Test
    void reads_back_every_string_jackson_writes_character_for_character() {
        String tricky = "Città — € 😀 \"q\" \\ / \t\n\r\b\f \u0000 \u001f \u2028";
        String json = JsonMapper.builder().build().writeValueAsString(Map.of("s", tricky, "n", 12345678901L, "a", List.of(true, false)));

        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) new AuditVerifier.Json(json).document();

        assertThat(read.get("s")).isEqualTo(tricky);
        assertThat(read.get("n")).isEqualTo(new BigDecimal("12345678901"));
        assertThat(read.get("a")).isEqualTo(List.of(true, false));
    }

    @Test
    void reads_escaped_surrogate_pairs_and_nested_values() {
        Object read = new AuditVerifier.Json(" {\"e\":\"\\ud83d\\ude00\",\"o\":{\"x\":[1,-2.5e3,null]}} ").document();
        assertThat(read).isEqualTo(Map.of("e", "😀", "o", Map.of("x", java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), null))));
    }

    @Test
    void refuses_malformed_json() {
        for (String bad : new String[] {"{\"a\":1,}", "{\"a\":01}", "{\"a\":\"x}", "{\"a\":1} x", "{\"a\":1,\"a\":2}", "{'a':1}",
                "{\"a\":\"\\q\"}", "{\"a\":tru}"}) {
            assertThatThrownBy(() -> new AuditVerifier.Json(bad).document()).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

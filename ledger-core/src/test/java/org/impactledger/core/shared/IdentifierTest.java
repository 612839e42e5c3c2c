package org.impactledger.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The id check answers as the pattern the ids are documented by ({@link Identifier#PATTERN}). */
class IdentifierTest {

    private static final Pattern DOCUMENTED = Pattern.compile(Identifier.PATTERN);

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "fund-1", "city-of-turin", "bench-sib-7", "o:2026.Q3_x-1", "9abc", "A.B.C",
            "a123456789012345678901234567890123456789012345678901234567890123"})
    void ids_of_the_documented_form_pass(String id) {
        assertThat(DOCUMENTED.matcher(id).matches()).isTrue();
        assertThat(Identifier.requireValid(id, "fundId")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-a", ".a", "_a", ":a", "a b", "a/b", "a\u00e8", "\u00e8", "a\n", "a\t", "fund#1", "a+b",
            "a1234567890123456789012345678901234567890123456789012345678901234", "\ud83c\udfe0", "a\ud83c\udfe0", "a%20b",
            "\uff21", "a\u0660"})
    void other_texts_are_refused_naming_the_field_and_the_rule(String id) {
        assertThat(DOCUMENTED.matcher(id).matches()).isFalse();
        assertThatThrownBy(() -> Identifier.requireValid(id, "fundId")).isInstanceOf(DomainException.class)
                .hasMessage("fundId " + Identifier.RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   "})
    void blank_ids_are_refused_as_required(String id) {
        assertThatThrownBy(() -> Identifier.requireValid(id, "fundId")).isInstanceOf(DomainException.class)
                .hasMessage("fundId is required");
    }

    @Test
    void the_check_answers_as_the_pattern_for_random_texts() {
        char[] alphabet = "aZ09._:-/ #\u00e8\u0660\uff21\n\t\ud83c\udfe0".toCharArray();
        SplittableRandom random = new SplittableRandom(2026);
        List<String> disagreements = new ArrayList<>();
        int passed = 0;
        for (int i = 0; i < 200_000; i++) {
            int length = random.nextInt(0, 70);
            StringBuilder text = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                // mostly characters of the form, so that long valid ids come up too
                text.append(random.nextInt(10) < 8 ? alphabet[random.nextInt(8)] : alphabet[random.nextInt(alphabet.length)]);
            }
            String id = text.toString();
            boolean documented = DOCUMENTED.matcher(id).matches();
            passed += documented ? 1 : 0;
            if (Identifier.wellFormed(id) != documented) {
                disagreements.add(id);
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(passed).isGreaterThan(10_000).isLessThan(190_000);
    }
}

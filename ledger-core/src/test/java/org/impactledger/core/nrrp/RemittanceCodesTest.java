package org.impactledger.core.nrrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the CUP and CIG out of a payment's free-text remittance information. */
class RemittanceCodesTest {

    @Test
    void finds_a_labelled_cup_and_cig_in_any_case() {
        assertThat(RemittanceCodes.cupIn("SAL 2 cup: c11h22000110001 cig 9876543210")).isEqualTo("C11H22000110001");
        assertThat(RemittanceCodes.cigIn("SAL 2 cup: c11h22000110001 cig 9876543210")).isEqualTo("9876543210");
    }

    @Test
    void finds_an_unlabelled_cup_but_never_an_unlabelled_cig() {
        assertThat(RemittanceCodes.cupIn("Pagamento C11H22000110001 fattura 12")).isEqualTo("C11H22000110001");
        assertThat(RemittanceCodes.cigIn("Pagamento 9876543210")).isNull();
    }

    @Test
    void finds_nothing_in_text_without_codes_or_in_no_text() {
        assertThat(RemittanceCodes.cupIn("Stipendi marzo")).isNull();
        assertThat(RemittanceCodes.cupIn(null)).isNull();
        assertThat(RemittanceCodes.cupIn("C11H220001100012")).isNull();
    }
}

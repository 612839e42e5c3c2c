package org.impactledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;
import org.junit.jupiter.api.Test;

/** The ownership rules the controllers (and the exchange's, once merged) apply to the authenticated caller. */
class LedgerPrincipalTest {

    private static LedgerPrincipal caller(Set<String> roles, String investor, String provider, String payer, String issuer) {
        return new LedgerPrincipal("someone", roles, investor, provider, payer, issuer);
    }

    @Test
    void an_issuer_acts_only_for_itself_and_an_admin_for_anyone() {
        LedgerPrincipal issuer = caller(Set.of(Roles.ISSUER), null, null, null, "coop-casa");
        assertThatCode(() -> issuer.requireIssuer("coop-casa", "issuerId")).doesNotThrowAnyException();
        DomainException refused = catchThrowableOfType(DomainException.class, () -> issuer.requireIssuer("coop-other", "issuerId"));
        assertThat(refused.code()).isEqualTo(ErrorCode.NOT_OWNER);
        assertThat(refused.field()).isEqualTo("issuerId");
        assertThatCode(() -> caller(Set.of(Roles.ADMIN), null, null, null, null).requireIssuer("coop-other", "issuerId")).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(DomainException.class, () -> caller(Set.of(Roles.INVESTOR), "inv-1", null, null, "coop-casa")
                .requireIssuer("coop-casa", "issuerId"))).as("the claim alone, without the role, is not enough").isNotNull();
    }

    @Test
    void an_investor_reads_only_itself_while_the_reading_roles_read_everyone() {
        LedgerPrincipal investor = caller(Set.of(Roles.INVESTOR), "inv-1", null, null, null);
        assertThat(investor.mayReadInvestor("inv-1")).isTrue();
        assertThat(investor.mayReadInvestor("inv-2")).isFalse();
        assertThat(investor.seesOnlyOwnInvestor()).isTrue();
        assertThat(caller(Set.of(Roles.INVESTOR), null, null, null, null).mayReadInvestor(null)).as("no claim, nothing").isFalse();
        for (String role : Roles.SEE_ALL_INVESTORS) {
            assertThat(caller(Set.of(role), null, null, null, null).mayReadInvestor("inv-2")).as(role).isTrue();
        }
        assertThat(caller(Set.of(Roles.PROVIDER), null, "coop-casa", null, null).mayReadInvestor("inv-2")).isFalse();
    }

    @Test
    void the_acting_provider_and_payer_come_from_the_claims_and_an_admin_acts_as_neither() {
        assertThat(caller(Set.of(Roles.PROVIDER), null, "coop-casa", null, null).actingProvider()).isEqualTo(ProviderId.of("coop-casa"));
        assertThat(caller(Set.of(Roles.OUTCOME_PAYER), null, null, "city-of-turin", null).actingPayer()).isEqualTo(PayerId.of("city-of-turin"));
        assertThat(caller(Set.of(Roles.ADMIN, Roles.PROVIDER), null, "coop-casa", null, null).actingProvider()).isNull();
        assertThat(caller(Set.of(Roles.VERIFIER), null, null, null, null).actingPayer()).isNull();
        DomainException noClaim = catchThrowableOfType(DomainException.class,
                () -> caller(Set.of(Roles.PROVIDER), null, null, null, null).actingProvider());
        assertThat(noClaim.code()).isEqualTo(ErrorCode.NOT_OWNER);
        assertThat(noClaim.field()).isEqualTo(LedgerPrincipal.PROVIDER_CLAIM);
    }

    @Test
    void payer_side_readers_read_only_their_own_payer_and_the_reading_roles_read_every_payer() {
        for (String role : java.util.List.of(Roles.OUTCOME_PAYER, Roles.CITY_FINANCE, Roles.FOUNDATION)) {
            assertThat(caller(Set.of(role), null, null, "city-of-turin", null).readsOnlyPayer()).as(role).isEqualTo(PayerId.of("city-of-turin"));
            DomainException noClaim = catchThrowableOfType(DomainException.class, () -> caller(Set.of(role), null, null, null, null).readsOnlyPayer());
            assertThat(noClaim.code()).as(role).isEqualTo(ErrorCode.NOT_OWNER);
            assertThat(noClaim.field()).isEqualTo(LedgerPrincipal.PAYER_CLAIM);
        }
        assertThat(caller(Set.of(Roles.OUTCOME_PAYER, Roles.CITY_FINANCE), null, null, "city-of-turin", null).readsOnlyPayer())
                .isEqualTo(PayerId.of("city-of-turin"));
        for (String role : Roles.READ_ALL_PAYMENTS) {
            assertThat(caller(Set.of(role, Roles.OUTCOME_PAYER), null, null, "city-of-turin", null).readsOnlyPayer()).as(role).isNull();
        }
    }

    @Test
    void the_acting_issuer_comes_from_the_claim_an_admin_acts_for_any_and_no_one_else_for_one() {
        assertThat(caller(Set.of(Roles.ISSUER), null, null, null, "coop-casa").actingIssuer()).isEqualTo(IssuerId.of("coop-casa"));
        assertThat(caller(Set.of(Roles.ADMIN, Roles.ISSUER), null, null, null, "coop-casa").actingIssuer()).isNull();
        for (LedgerPrincipal refused : java.util.List.of(caller(Set.of(Roles.ISSUER), null, null, null, null),
                caller(Set.of(Roles.INVESTOR), "inv-1", null, null, "coop-casa"))) {
            DomainException e = catchThrowableOfType(DomainException.class, refused::actingIssuer);
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_OWNER);
            assertThat(e.field()).isEqualTo(LedgerPrincipal.ISSUER_CLAIM);
        }
    }

    @Test
    void roles_are_recorded_sorted_and_comma_separated() {
        assertThat(caller(Set.of(Roles.OUTCOME_PAYER, Roles.CITY_FINANCE), null, null, "city-of-turin", null).roleList())
                .isEqualTo("city-finance,outcome-payer");
    }
}

package org.impactledger.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactledger.core.exchange.ExchangeTestData.ADMITTED;
import static org.impactledger.core.exchange.ExchangeTestData.ANNA;
import static org.impactledger.core.exchange.ExchangeTestData.EUR;
import static org.impactledger.core.exchange.ExchangeTestData.FOCUS;
import static org.impactledger.core.exchange.ExchangeTestData.eur;

import org.impactledger.core.exchange.command.AdmitIssuer;
import org.impactledger.core.exchange.command.DepositCash;
import org.impactledger.core.exchange.command.DepositIssuerCash;
import org.impactledger.core.exchange.command.OpenAccount;
import org.impactledger.core.exchange.event.AccountOpened;
import org.impactledger.core.exchange.event.CashDeposited;
import org.impactledger.core.exchange.event.IssuerAdmitted;
import org.impactledger.core.exchange.event.IssuerCashDeposited;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.junit.jupiter.api.Test;

/** An investor's account lives in a stream of its own, {@code account/<investorId>}, whatever other aggregates are called. */
class AccountStreamTest {

    @Test
    void the_account_stream_id_is_the_investor_id_behind_a_prefix_no_identifier_can_contain() {
        assertThat(AccountId.of(ANNA)).hasToString("account/inv-anna");
        assertThat(new OpenAccount(ANNA, EUR, ADMITTED).accountId()).isEqualTo(AccountId.of(ANNA));
        assertThat(new DepositCash(ANNA, eur("1"), "SEPA", ADMITTED).accountId()).isEqualTo(AccountId.of(ANNA));
        assertThat(new DepositCash(null, eur("1"), "SEPA", ADMITTED).accountId()).isNull();
        // '/' is not allowed in an identifier, so no fund, contract, issuer or instrument can be called like an account stream
        assertThatThrownBy(() -> IssuerId.of("account/inv-anna")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> InvestorId.of("account/inv-anna")).isInstanceOf(DomainException.class);
    }

    @Test
    void an_issuer_whose_id_equals_an_investor_id_keeps_its_own_stream_beside_the_investors_account() {
        ExchangeForTest exchange = new ExchangeForTest();
        IssuerId sameName = IssuerId.of(ANNA.value());

        exchange.send(new AdmitIssuer(sameName, "Anna Cooperativa Sociale", EUR, FOCUS, ADMITTED));
        exchange.send(new OpenAccount(ANNA, EUR, ADMITTED));
        exchange.send(new DepositIssuerCash(sameName, eur("70"), "SEPA-ISSUER", ADMITTED));
        exchange.send(new DepositCash(ANNA, eur("30"), "SEPA-ANNA", ADMITTED));

        assertThat(exchange.stream(sameName)).containsExactly(
                new IssuerAdmitted(sameName, "Anna Cooperativa Sociale", EUR, FOCUS, ADMITTED),
                new IssuerCashDeposited(sameName, eur("70"), "SEPA-ISSUER", ADMITTED));
        assertThat(exchange.stream(AccountId.of(ANNA))).containsExactly(
                new AccountOpened(ANNA, EUR, ADMITTED),
                new CashDeposited(ANNA, eur("30"), "SEPA-ANNA", ADMITTED));
        assertThat(exchange.account(ANNA, Account::cash)).isEqualTo(eur("30"));
        assertThat(exchange.account(ANNA, Account::accountId)).isEqualTo(AccountId.of(ANNA));
        assertThat(exchange.issuer(sameName, Issuer::cash)).isEqualTo(eur("70"));
    }
}

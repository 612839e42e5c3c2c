package org.impactledger.infra.axon;

import static org.impactledger.infra.axon.SnapshotSerializationTest.assertRoundTrip;

import org.impactledger.core.exchange.Account;
import org.impactledger.core.exchange.AccountId;
import org.impactledger.core.exchange.Instrument;
import org.impactledger.core.exchange.Issuer;
import org.junit.jupiter.api.Test;

/**
 * The exchange's aggregates, with state in every part, survive a snapshot round trip (see
 * {@link SnapshotSerializationTest} for why that matters).
 */
class ExchangeSnapshotSerializationTest {

    @Test
    void an_issuer_with_cash_verified_and_rejected_outcomes_and_a_suspension_behind_it_survives_a_snapshot_round_trip() {
        assertRoundTrip(Issuer.class, ExchangeEventSamples.ISSUER.value(), ExchangeEventSamples.issuer());
    }

    @Test
    void an_instrument_with_bond_terms_a_register_offerings_orders_and_a_coupon_survives_a_snapshot_round_trip() {
        assertRoundTrip(Instrument.class, ExchangeEventSamples.BOND.value(), ExchangeEventSamples.instrument());
    }

    @Test
    void a_delisted_instrument_survives_a_snapshot_round_trip() {
        java.util.List<Object> events = new java.util.ArrayList<>(ExchangeEventSamples.instrument());
        events.addAll(ExchangeEventSamples.instrumentDelisting());
        assertRoundTrip(Instrument.class, ExchangeEventSamples.BOND.value(), events);
    }

    @Test
    void an_account_with_cash_and_an_open_reservation_survives_a_snapshot_round_trip() {
        assertRoundTrip(Account.class, AccountId.of(ExchangeEventSamples.INVESTOR_2).toString(), ExchangeEventSamples.account());
    }
}

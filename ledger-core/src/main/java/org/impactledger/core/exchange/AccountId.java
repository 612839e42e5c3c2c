package org.impactledger.core.exchange;

import java.util.Objects;
import org.impactledger.core.shared.InvestorId;

/**
 * The event stream of an investor's exchange {@link Account}: {@code account/<investorId>}.
 *
 * <p>Why the account does not use the investor id as its aggregate identifier: Axon's event store
 * keys a stream by the aggregate identifier alone, and investor ids are chosen by the programmes
 * that know the investor (a fund's investor, a foundation, possibly a fund itself), so an investor
 * id may well equal the id of a fund, a contract or an issuer. The account's events would then be
 * appended to that other aggregate's stream. The prefix gives accounts a namespace of their own,
 * and since {@code /} can occur in no {@link org.impactledger.core.shared.Identifier}, no other
 * aggregate's id can ever equal an account's stream id. The events themselves keep carrying the
 * plain {@link InvestorId}: the stream id is a storage key, not part of the stored facts.
 *
 * <p>Commands that target an account name it through a {@code @TargetAggregateIdentifier} method
 * returning this type; the account exposes it through its {@code @AggregateIdentifier} method.
 */
public record AccountId(InvestorId investorId) {

    public static final String PREFIX = "account/";

    public AccountId {
        Objects.requireNonNull(investorId, "investorId");
    }

    public static AccountId of(InvestorId investorId) {
        return new AccountId(investorId);
    }

    /** The aggregate identifier of the account's event stream. */
    @Override
    public String toString() {
        return PREFIX + investorId.value();
    }
}

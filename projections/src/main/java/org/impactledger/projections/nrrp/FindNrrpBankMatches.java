package org.impactledger.projections.nrrp;

import java.util.List;

/**
 * Asks how a bank entry and a ledger payment are matched now: the entry as the {@code nrrp} read
 * model holds it, and the matches, as the reconciliation pairs them from every fact that read model
 * holds, that involve the entry ({@code statementId}, {@code entryReference}) or the payment
 * ({@code paymentEventId}): none, one or two. Before recording an officer's manual match, the API
 * asks it, so that a payment another entry confirms (automatically, or by hand on any statement),
 * or an entry that confirms another payment, is refused rather than silently taken from its match.
 */
public record FindNrrpBankMatches(String statementId, String entryReference, String paymentEventId) {

    /**
     * @param entryDirection {@code DBIT} or {@code CRDT}; null when the read model does not hold the entry (yet)
     * @param entryCurrency  the entry's currency; null likewise
     */
    public record Answer(String entryDirection, String entryCurrency, List<Match> matches) {
    }

    /** One current match: the entry, the payment's event id and the rule that paired them ({@code MANUAL}, {@code BANK_REFERENCE}, ...). */
    public record Match(String statementId, String entryReference, String paymentEventId, String rule) {
    }
}

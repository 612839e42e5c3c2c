package org.impactledger.projections.journal;

import java.util.Optional;
import org.impactledger.core.fund.event.FundEvent;

/**
 * Turns a fund event into its journal posting, or into nothing for an event that moves no money.
 * An interface so that the journal's invariant can be shown to hold against a faulty rule: the
 * projection checks every posting, whatever rule produced it, before it writes a line.
 */
@FunctionalInterface
public interface PostingRule {

    Optional<Posting> post(FundEvent event);
}

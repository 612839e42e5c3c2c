/**
 * The Social Impact Stock Exchange: issuers and their outcomes, instruments with their primary
 * offerings, order books and registers, and the investors' cash accounts.
 *
 * <p>Three aggregates, each the single home of one kind of invariant: the {@link
 * org.impactledger.core.exchange.Issuer} (standing, outcomes, issuer cash), the {@link
 * org.impactledger.core.exchange.Instrument} (listing, offerings, order book and the register of
 * units) and the {@link org.impactledger.core.exchange.Account} (an investor's cash and its
 * reservations). {@link org.impactledger.core.exchange.ExchangeHandler} changes them together in
 * one unit of work whenever cash and units must move together; its Javadoc explains why that is
 * strongly consistent. Pro-rata splits (allocations, income) use {@link
 * org.impactledger.core.exchange.ProRata}; {@link org.impactledger.core.exchange.PortfolioImpact}
 * attributes verified outcomes to holdings.
 */
package org.impactledger.core.exchange;

package org.impactledger.projections.journal;

import java.math.BigDecimal;

/** The debits and credits of one book in a trial balance; {@code difference = debits − credits}, zero when it balances. */
public record BookTotal(Book book, BigDecimal debits, BigDecimal credits, BigDecimal difference) {
}

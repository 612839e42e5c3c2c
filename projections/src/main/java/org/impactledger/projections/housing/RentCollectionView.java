package org.impactledger.projections.housing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One rent payment: its amount, payment date and bank reference, and when and why it was reversed ({@code null} if it was not). */
public record RentCollectionView(String collectionId, BigDecimal amount, LocalDate paymentDate, String bankReference, LocalDate reversedOn,
                                 String reversalReason) {
}

package org.impactledger.core.nrrp;

import java.time.LocalDate;
import org.impactledger.core.shared.Money;

/**
 * One entry of a bank statement as the importer read it. {@code amount} is positive; the
 * {@code direction} says whether money left the account ({@code DBIT}) or came in ({@code CRDT}),
 * as camt.053 writes it. {@code cup} and {@code cig} are the codes quoted in the remittance
 * information (see {@link RemittanceCodes}), or null.
 */
public record BankEntry(String entryReference, LocalDate bookingDate, LocalDate valueDate, Money amount, String direction,
                        String bankReference, String remittance, String cup, String cig) {

    public static final String DEBIT = "DBIT";
    public static final String CREDIT = "CRDT";
}

package org.impactledger.core.nrrp.event;

import java.time.LocalDate;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.BankStatementId;
import org.axonframework.serialization.Revision;

/** One entry of an imported bank statement: debit (money out) or credit, with the bank reference and the CUP/CIG quoted in the remittance information, when any. */
@Revision("1")
public record BankEntryRecorded(BankStatementId statementId, String entryReference, LocalDate bookingDate, LocalDate valueDate, Money amount, String direction, String bankReference, String remittance, String cup, String cig) implements BankStatementEvent {
}

package org.impactledger.core.nrrp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.core.nrrp.command.AllocateNrrpFunds;
import org.impactledger.core.nrrp.command.EnterNrrpCommitment;
import org.impactledger.core.nrrp.command.RegisterNrrpProject;
import org.impactledger.core.nrrp.event.BankEntryRecorded;
import org.impactledger.core.nrrp.event.BankStatementImported;
import org.impactledger.core.nrrp.event.NrrpCommitmentEntered;
import org.impactledger.core.nrrp.event.NrrpFundsAllocated;
import org.impactledger.core.nrrp.event.NrrpProjectRegistered;
import org.impactledger.core.shared.BankStatementId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.NrrpProjectId;

/** The shared test data of the NRRP tests: the Housing First project and a small statement. */
final class NrrpTestData {

    static final String CUP = "C11H22000110001";
    static final String LOCAL = "HF-TO-01";
    static final String MEASURE = "M5C2I1.3";
    static final String SUB_MEASURE = "M5C2I1.03.00";
    static final NrrpProjectId PROJECT = NrrpProjectId.of(CUP + ":" + LOCAL + ":" + SUB_MEASURE);
    static final String TITLE = "Housing First Torino";
    static final BankStatementId STATEMENT = BankStatementId.of("STMT-2026-03");
    static final String ACCOUNT = "IT60X0542811101000000123456";

    private NrrpTestData() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static RegisterNrrpProject register() {
        return new RegisterNrrpProject(PROJECT, CUP, LOCAL, MEASURE, TITLE, "EUR");
    }

    static NrrpProjectRegistered registered() {
        return new NrrpProjectRegistered(PROJECT, CUP, LOCAL, SUB_MEASURE, TITLE, "EUR");
    }

    static AllocateNrrpFunds allocate(String id, String amount) {
        return new AllocateNrrpFunds(PROJECT, id, eur(amount), "DM 2022-05-12 n. 120", date("2022-05-12"));
    }

    static NrrpFundsAllocated allocated(String id, String amount) {
        return new NrrpFundsAllocated(PROJECT, CUP, SUB_MEASURE, id, eur(amount), "DM 2022-05-12 n. 120", date("2022-05-12"));
    }

    static EnterNrrpCommitment commit(String id, String amount) {
        return new EnterNrrpCommitment(PROJECT, id, "9876543210", "Cooperativa Sociale Esempio", eur(amount), date("2026-01-15"));
    }

    static NrrpCommitmentEntered committed(String id, String amount) {
        return new NrrpCommitmentEntered(PROJECT, CUP, SUB_MEASURE, id, "9876543210", "Cooperativa Sociale Esempio", eur(amount),
                date("2026-01-15"));
    }

    static BankEntry debit(String reference, String amount, String bankReference) {
        return new BankEntry(reference, date("2026-03-03"), date("2026-03-03"), eur(amount), BankEntry.DEBIT, bankReference,
                "SAL 1 CUP " + CUP + " CIG 9876543210", CUP, "9876543210");
    }

    /** Money coming in (the ministry's advance): a credit, which confirms no payment. */
    static BankEntry credit(String reference, String amount) {
        return new BankEntry(reference, date("2026-03-03"), date("2026-03-03"), eur(amount), BankEntry.CREDIT, null,
                "Anticipazione PNRR CUP " + CUP, CUP, null);
    }

    static BankStatementImported statementImported() {
        return new BankStatementImported(STATEMENT, ACCOUNT, "EUR", "camt.053");
    }

    static BankEntryRecorded recorded(BankEntry e) {
        return new BankEntryRecorded(STATEMENT, e.entryReference(), e.bookingDate(), e.valueDate(), e.amount(), e.direction(), e.bankReference(),
                e.remittance(), e.cup(), e.cig());
    }

    static List<String> metrics(String... codes) {
        return List.of(codes);
    }

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }
}

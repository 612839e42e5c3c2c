package org.impactledger.api.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.RequestContext;
import org.impactledger.core.contract.PaymentRule;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.contract.command.ApproveOutcomePayment;
import org.impactledger.core.contract.command.ExecuteOutcomePayment;
import org.impactledger.core.contract.command.RejectOutcome;
import org.impactledger.core.contract.command.ReportOutcome;
import org.impactledger.core.contract.command.SignContract;
import org.impactledger.core.contract.command.VerifyOutcome;
import org.impactledger.core.fund.NrrpTag;
import org.impactledger.core.nrrp.BankEntry;
import org.impactledger.core.nrrp.NrrpProject;
import org.impactledger.core.nrrp.command.AllocateNrrpFunds;
import org.impactledger.core.nrrp.command.EnterNrrpCommitment;
import org.impactledger.core.nrrp.command.ImportBankStatement;
import org.impactledger.core.nrrp.command.RegisterNrrpProject;
import org.impactledger.core.nrrp.command.ReportNrrpExpenditure;
import org.impactledger.core.nrrp.command.SetNrrpTarget;
import org.impactledger.core.shared.BankStatementId;
import org.impactledger.core.shared.NrrpProjectId;
import org.impactledger.core.fund.command.AdvanceWorkingCapital;
import org.impactledger.core.fund.command.CallCapital;
import org.impactledger.core.fund.command.CommitCapital;
import org.impactledger.core.fund.command.CommitOutcomeBudget;
import org.impactledger.core.fund.command.OpenFund;
import org.impactledger.core.fund.command.ReceiveCapital;
import org.impactledger.core.fund.command.RecordValuation;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realistic Outcome Fund in Turin: three investors, an NRRP-funded Housing First budget from the
 * city and a youth-employment budget from a foundation, two contracts, and outcomes in every state
 * (reported, verified, rejected, approved, paid); then a Homes4All housing fund ({@link DemoHomes4All})
 * and the Social Impact Stock Exchange slice ({@link ExchangeDemoScenario}). Every command has a
 * fixed idempotency key, so seeding twice changes nothing.
 */
public class DemoScenario {

    private static final Logger log = LoggerFactory.getLogger(DemoScenario.class);

    public static final FundId FUND = FundId.of("torino-outcome-fund");
    public static final ContractId HOUSING_FIRST = ContractId.of("housing-first-torino");
    public static final ContractId YOUTH_EMPLOYMENT = ContractId.of("youth-employment-torino");
    private static final BudgetId CITY_BUDGET = BudgetId.of("city-nrrp-housing-first");
    public static final String DEMO_STATEMENT = "TESORERIA-TO-2026-10-05";
    private static final BudgetId FOUNDATION_BUDGET = BudgetId.of("foundation-youth-employment");

    private final CommandDispatcher dispatcher;
    private int step;
    private int replayed;

    public DemoScenario(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public void seed() {
        LocalDate d = LocalDate.of(2026, 1, 15);
        send("fund-manager", "fund-manager", d, new OpenFund(FUND, "Torino Social Outcomes Fund", "EUR", "Torino Impact Fund Management", new BigDecimal("1.30")));
        investor("investor-foundation-nord", "600000.00", "300000.00", d);
        investor("investor-impact-bank", "300000.00", "150000.00", d);
        investor("investor-welfare-fund", "100000.00", "50000.00", d);
        send("city-finance-turin", "outcome-payer", d, new CommitOutcomeBudget(FUND, CITY_BUDGET, PayerId.of("city-of-turin"), eur("400000.00"),
                new NrrpTag("C11H22000110001", "M5C2I1.3"), d));
        send("foundation-officer", "outcome-payer", d, new CommitOutcomeBudget(FUND, FOUNDATION_BUDGET, PayerId.of("foundation-youth"),
                eur("200000.00"), null, d));

        send("fund-manager", "fund-manager", d, new SignContract(HOUSING_FIRST, FUND, ProviderId.of("coop-casa-solidale"), CITY_BUDGET,
                "Housing First Torino: stable homes for people who were homeless", LocalDate.of(2026, 2, 1), LocalDate.of(2028, 12, 31),
                eur("300000.00"), List.of(
                        new RateCardEntry("HF-HOUSED-6M", "Person housed and still housed after six months", eur("4500.00"),
                                List.of("11.1", "1.2"), PaymentRule.ONCE_PER_BENEFICIARY),
                        new RateCardEntry("HF-HOUSED-12M", "Tenancy sustained for twelve months", eur("3000.00"),
                                List.of("11.1", "10.2"), PaymentRule.ONCE_PER_BENEFICIARY))));
        send("fund-manager", "fund-manager", d, new SignContract(YOUTH_EMPLOYMENT, FUND, ProviderId.of("coop-lavoro-giovani"), FOUNDATION_BUDGET,
                "Youth employment in peripheral districts: internships and jobs for young people not in work or education",
                LocalDate.of(2026, 2, 1), LocalDate.of(2027, 12, 31), eur("150000.00"), List.of(
                        new RateCardEntry("YE-INTERNSHIP", "Internship completed", eur("1200.00"), List.of("8.6", "4.4"),
                                PaymentRule.ONCE_PER_BENEFICIARY),
                        new RateCardEntry("YE-JOB-RETAINED", "Job held for a full quarter", eur("900.00"), List.of("8.5", "8.6"),
                                PaymentRule.ONCE_PER_BENEFICIARY_PER_PERIOD))));
        LocalDate advanced = LocalDate.of(2026, 2, 10);
        send("fund-manager", "fund-manager", advanced, new AdvanceWorkingCapital(FUND, "adv-housing-1", ProviderId.of("coop-casa-solidale"),
                HOUSING_FIRST, eur("120000.00"), advanced));
        send("fund-manager", "fund-manager", advanced, new AdvanceWorkingCapital(FUND, "adv-youth-1", ProviderId.of("coop-lavoro-giovani"),
                YOUTH_EMPLOYMENT, eur("60000.00"), advanced));

        // Housing First: six people housed; five verified, one rejected; four approved, three paid.
        for (int i = 1; i <= 6; i++) {
            report(HOUSING_FIRST, "hf-" + i, "hf-person-" + (1000 + i), "HF-HOUSED-6M", "2026-Q3", LocalDate.of(2026, 8, i * 3), "1",
                    "provider-casa-solidale");
        }
        for (int i = 1; i <= 5; i++) {
            verify(HOUSING_FIRST, "hf-" + i, "verifier-valuta-impatto");
        }
        reject(HOUSING_FIRST, "hf-6", "verifier-valuta-impatto", "Lease start date not supported by the tenancy contract in the evidence");
        for (int i = 1; i <= 4; i++) {
            approve(HOUSING_FIRST, "hf-" + i, "city-finance-turin");
        }
        for (int i = 1; i <= 3; i++) {
            execute(HOUSING_FIRST, "hf-" + i, "city-finance-turin", "IT-TO-2026-10-HF-" + i, LocalDate.of(2026, 10, 5));
        }

        // Youth employment: internships and quarterly job retention.
        for (int i = 1; i <= 5; i++) {
            report(YOUTH_EMPLOYMENT, "ye-int-" + i, "ye-young-" + (2000 + i), "YE-INTERNSHIP", "2026-06", LocalDate.of(2026, 6, 10 + i), "1",
                    "provider-lavoro-giovani");
            verify(YOUTH_EMPLOYMENT, "ye-int-" + i, "verifier-valuta-impatto");
            approve(YOUTH_EMPLOYMENT, "ye-int-" + i, "foundation-officer");
            execute(YOUTH_EMPLOYMENT, "ye-int-" + i, "foundation-officer", "FND-2026-07-YE-" + i, LocalDate.of(2026, 7, 20));
        }
        for (int i = 1; i <= 3; i++) {
            report(YOUTH_EMPLOYMENT, "ye-job-q3-" + i, "ye-young-" + (2000 + i), "YE-JOB-RETAINED", "2026-Q3", LocalDate.of(2026, 9, 30), "1",
                    "provider-lavoro-giovani");
            verify(YOUTH_EMPLOYMENT, "ye-job-q3-" + i, "verifier-valuta-impatto");
        }
        approve(YOUTH_EMPLOYMENT, "ye-job-q3-1", "foundation-officer");
        report(YOUTH_EMPLOYMENT, "ye-job-q4-1", "ye-young-2001", "YE-JOB-RETAINED", "2026-Q4", LocalDate.of(2026, 12, 31), "1",
                "provider-lavoro-giovani");

        LocalDate valued = LocalDate.of(2026, 12, 31);
        // cash 339,500.00 (500,000.00 paid in − 180,000.00 advanced + 19,500.00 outcome payments) + 180,000.00 advances at cost
        send("fund-manager", "fund-manager", valued, new RecordValuation(FUND, eur("519500.00"), valued,
                "Cash plus working-capital advances at cost"));

        nrrp();
        log.info("Demo scenario: {} commands, {} newly applied, {} already seeded", step, step - replayed, replayed);
        new DemoHomes4All(dispatcher).seed();
        new ExchangeDemoScenario(dispatcher).seed();
    }

    /**
     * The city's NRRP project for the Housing First budget (same CUP and measure as the budget's tag):
     * the grant, the outcome contract as legal commitment, expenditure reported to ReGiS for October
     * (two of the three payments: the reconciliation shows the third as an amount mismatch), a target,
     * and the bank statement that confirms the three payments.
     */
    private void nrrp() {
        String cup = "C11H22000110001";
        NrrpProjectId project = NrrpProject.idOf(cup, "HF-TORINO-01", "M5C2I1.3");
        LocalDate registered = LocalDate.of(2026, 1, 20);
        send("city-finance-turin", "finance-officer", registered, new RegisterNrrpProject(project, cup, "HF-TORINO-01", "M5C2I1.3",
                "Housing First Torino", "EUR"));
        send("city-finance-turin", "finance-officer", registered, new AllocateNrrpFunds(project, "grant-2022-avviso-1", eur("400000.00"),
                "Decreto Direttoriale MLPS n. 98/2022 (Avviso 1/2022 PNRR)", LocalDate.of(2022, 5, 9)));
        send("city-finance-turin", "finance-officer", registered, new EnterNrrpCommitment(project, "outcome-contract-hf", "A0B1C2D3E4",
                "Torino Social Outcomes Fund", eur("300000.00"), LocalDate.of(2026, 2, 1)));
        send("city-finance-turin", "finance-officer", registered, new SetNrrpTarget(project, "people-housed-2026",
                "People helped by Housing First by the end of 2026", new BigDecimal("20"), LocalDate.of(2026, 12, 31), HOUSING_FIRST,
                List.of("HF-HOUSED-6M")));
        LocalDate reported = LocalDate.of(2026, 11, 10);
        send("city-finance-turin", "finance-officer", reported, new ReportNrrpExpenditure(project, "regis-2026-10", "2026-10",
                eur("9000.00"), reported));
        LocalDate booked = LocalDate.of(2026, 10, 5);
        List<BankEntry> entries = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            entries.add(new BankEntry("HF-" + i, booked, booked, eur("4500.00"), BankEntry.DEBIT, "IT-TO-2026-10-HF-" + i,
                    "Housing First outcome payment CUP " + cup + " CIG A0B1C2D3E4", cup, "A0B1C2D3E4"));
        }
        send("city-finance-turin", "finance-officer", booked, new ImportBankStatement(BankStatementId.of(DEMO_STATEMENT),
                "IT60X0542811101000000123456", "EUR", "camt.053", entries));
    }

    private void investor(String investor, String committed, String called, LocalDate date) {
        InvestorId id = InvestorId.of(investor);
        send("fund-manager", "fund-manager", date, new CommitCapital(FUND, id, eur(committed), date));
        String call = "call-1-" + investor;
        send("fund-manager", "fund-manager", date, new CallCapital(FUND, call, id, eur(called), date.plusDays(15)));
        LocalDate paid = date.plusDays(10);
        send("fund-manager", "fund-manager", paid, new ReceiveCapital(FUND, call, eur(called), paid, "SEPA-" + investor.toUpperCase() + "-1"));
    }

    private void report(ContractId contract, String outcome, String beneficiary, String metric, String period, LocalDate date, String quantity,
                        String provider) {
        send(provider, "provider", date, new ReportOutcome(contract, OutcomeId.of(outcome), BeneficiaryId.of(beneficiary), metric, period, date,
                new BigDecimal(quantity), "case-file://" + contract + "/" + outcome, sha256("evidence for " + contract + "/" + outcome), provider));
    }

    private void verify(ContractId contract, String outcome, String verifier) {
        send(verifier, "verifier", null, new VerifyOutcome(contract, OutcomeId.of(outcome), BigDecimal.ONE, "Evidence checked against case file", verifier));
    }

    private void reject(ContractId contract, String outcome, String verifier, String reason) {
        send(verifier, "verifier", null, new RejectOutcome(contract, OutcomeId.of(outcome), reason, verifier));
    }

    private void approve(ContractId contract, String outcome, String payer) {
        send(payer, "outcome-payer", null, new ApproveOutcomePayment(contract, OutcomeId.of(outcome), payer));
    }

    private void execute(ContractId contract, String outcome, String payer, String bankReference, LocalDate valueDate) {
        send(payer, "outcome-payer", valueDate, new ExecuteOutcomePayment(contract, OutcomeId.of(outcome), bankReference, valueDate, payer));
    }

    private void send(String principal, String role, LocalDate businessDate, Object command) {
        step++;
        String key = "demo-" + String.format("%03d", step);
        if (dispatcher.send(command, new RequestContext(principal, role, key, "demo-scenario",
                businessDate == null ? LocalDate.of(2026, 11, 1) : businessDate)).replayed()) {
            replayed++;
        }
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

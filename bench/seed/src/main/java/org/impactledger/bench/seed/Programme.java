package org.impactledger.bench.seed;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.impactledger.core.contract.PaymentRule;
import org.impactledger.core.contract.RateCardEntry;
import org.impactledger.core.contract.command.ApproveOutcomePayment;
import org.impactledger.core.contract.command.ExecuteOutcomePayment;
import org.impactledger.core.contract.command.RejectOutcome;
import org.impactledger.core.contract.command.ReportOutcome;
import org.impactledger.core.contract.command.SignContract;
import org.impactledger.core.contract.command.VerifyOutcome;
import org.impactledger.core.fund.NrrpTag;
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

/**
 * One outcome fund's history, as its clients would send it: the fund opened, three investors
 * committing, called and paying in capital, a payer committing an outcome budget (NRRP-tagged for
 * the city's budgets), {@code contracts} contracts signed against it with a working-capital
 * advance each, and per contract {@code outcomes} outcomes through their lifecycle — reported,
 * then verified (1 in 20 rejected instead), approved (1 in 10 of the verified left waiting) and
 * paid (1 in 10 of the approved left unpaid), ten, twenty and thirty days after the outcome date,
 * a quarter of them quarterly job-retention claims — and a closing valuation. About 5.2 events per
 * outcome. Every business date lies between 2024-01 and 2026-10, in the past of the ledger's clock,
 * so reports "as of today" see all of it.
 */
final class Programme {

    static final LocalDate OPENED = LocalDate.of(2024, 1, 15);
    private static final LocalDate START = LocalDate.of(2024, 2, 1);
    private static final LocalDate END = LocalDate.of(2026, 10, 31);
    private static final Money PRICE_HOUSED = eur("1000.00");
    private static final Money PRICE_JOB = eur("800.00");

    private Programme() {
    }

    static List<SeedCommand> commands(int p, int contracts, int outcomes) {
        List<SeedCommand> out = new ArrayList<>();
        FundId fund = FundId.of("bench-fund-" + p);
        boolean city = p % 2 == 0;
        String payerUser = city ? "city-finance-turin" : "foundation-officer";
        PayerId payer = PayerId.of(city ? "city-of-turin" : "foundation-youth");
        BudgetId budget = BudgetId.of("bench-budget-" + p);
        LocalDate d = OPENED.plusDays(p % 28);
        out.add(new SeedCommand("fund-manager", "fund-manager", d,
                new OpenFund(fund, "Bench Outcome Fund " + p, "EUR", "Bench Impact Fund Management", new BigDecimal("1.30"))));
        for (int k = 1; k <= 3; k++) {
            InvestorId investor = InvestorId.of("bench-investor-" + (p % 40) + "-" + k);
            String call = "call-1-" + investor;
            out.add(new SeedCommand("fund-manager", "fund-manager", d, new CommitCapital(fund, investor, eur(k * 200_000 + ".00"), d)));
            out.add(new SeedCommand("fund-manager", "fund-manager", d, new CallCapital(fund, call, investor, eur(k * 100_000 + ".00"), d.plusDays(15))));
            out.add(new SeedCommand("fund-manager", "fund-manager", d.plusDays(10),
                    new ReceiveCapital(fund, call, eur(k * 100_000 + ".00"), d.plusDays(10), "SEPA-" + p + "-" + k)));
        }
        Money budgetAmount = eur((long) contracts * outcomes * 1000 + ".00");
        out.add(new SeedCommand(payerUser, "outcome-payer", d, new CommitOutcomeBudget(fund, budget, payer, budgetAmount,
                city ? new NrrpTag("C11H22000110001", "M5C2I1.3") : null, d)));
        for (int c = 1; c <= contracts; c++) {
            ContractId contract = ContractId.of("bench-" + p + "-c" + c);
            String providerUser = c % 2 == 0 ? "provider-lavoro-giovani" : "provider-casa-solidale";
            ProviderId provider = ProviderId.of(c % 2 == 0 ? "coop-lavoro-giovani" : "coop-casa-solidale");
            out.add(new SeedCommand("fund-manager", "fund-manager", d, new SignContract(contract, fund, provider, budget,
                    "Bench contract " + c + " of fund " + p + ": housing and employment outcomes", START, END,
                    eur((long) outcomes * 1000 + ".00"), List.of(
                            new RateCardEntry("HF-HOUSED-6M", "Person housed and still housed after six months", PRICE_HOUSED,
                                    List.of("11.1", "1.2"), PaymentRule.ONCE_PER_BENEFICIARY),
                            new RateCardEntry("YE-JOB-RETAINED", "Job held for a full quarter", PRICE_JOB, List.of("8.5", "8.6"),
                                    PaymentRule.ONCE_PER_BENEFICIARY_PER_PERIOD)))));
            LocalDate advanced = START.plusDays(9);
            out.add(new SeedCommand("fund-manager", "fund-manager", advanced,
                    new AdvanceWorkingCapital(fund, "adv-" + c, provider, contract, eur("5000.00"), advanced)));
            lifecycle(out, contract, providerUser, provider, payerUser, payer, outcomes);
        }
        LocalDate valued = LocalDate.of(2026, 10, 31);
        out.add(new SeedCommand("fund-manager", "fund-manager", valued,
                new RecordValuation(fund, eur("600000.00"), valued, "Cash plus working-capital advances at cost")));
        return out;
    }

    /** Outcomes in blocks of 25: report the block, then verify, approve and pay it, as a provider, verifier and payer would. */
    private static void lifecycle(List<SeedCommand> out, ContractId contract, String providerUser, ProviderId provider, String payerUser,
                                  PayerId payer, int outcomes) {
        for (int from = 0; from < outcomes; from += 25) {
            int to = Math.min(outcomes, from + 25);
            for (int i = from; i < to; i++) {
                boolean job = i % 4 == 3;
                LocalDate date = START.plusDays(30 + (i * 7L) % 900);
                String period = job ? date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1) : date.getYear() + "-" + String.format("%02d", date.getMonthValue());
                String outcome = contract + "-o" + i;
                out.add(new SeedCommand(providerUser, "provider", date, new ReportOutcome(contract, OutcomeId.of(outcome),
                        BeneficiaryId.of(contract + "-b" + i), job ? "YE-JOB-RETAINED" : "HF-HOUSED-6M", period, date, BigDecimal.ONE,
                        "case-file://" + contract + "/" + outcome, sha256("evidence for " + contract + "/" + outcome), providerUser, provider)));
            }
            for (int i = from; i < to; i++) {
                OutcomeId outcome = OutcomeId.of(contract + "-o" + i);
                // verified ten days after the outcome date, approved ten days later, paid ten days after that, so that a
                // report as of a date in the history finds outcomes at every step (with no date the seed's default, the
                // last day, made every verification and approval one of the last day's)
                LocalDate reported = START.plusDays(30 + (i * 7L) % 900);
                LocalDate verified = reported.plusDays(10);
                LocalDate approved = reported.plusDays(20);
                if (i % 20 == 19) {
                    out.add(new SeedCommand("verifier-valuta-impatto", "verifier", verified,
                            new RejectOutcome(contract, outcome, "Evidence does not support the claimed date", "verifier-valuta-impatto")));
                    continue;
                }
                out.add(new SeedCommand("verifier-valuta-impatto", "verifier", verified,
                        new VerifyOutcome(contract, outcome, BigDecimal.ONE, "Evidence checked against case file", "verifier-valuta-impatto")));
                if (i % 10 == 7) {
                    continue;
                }
                out.add(new SeedCommand(payerUser, "outcome-payer", approved, new ApproveOutcomePayment(contract, outcome, payerUser, payer)));
                if (i % 10 == 8) {
                    continue;
                }
                LocalDate paid = reported.plusDays(30);
                out.add(new SeedCommand(payerUser, "outcome-payer", paid,
                        new ExecuteOutcomePayment(contract, outcome, "BANK-" + contract + "-" + i, paid, payerUser, payer)));
            }
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

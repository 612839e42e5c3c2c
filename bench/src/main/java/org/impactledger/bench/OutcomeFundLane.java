package org.impactledger.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.impactledger.bench.LedgerClient.Command;
import org.impactledger.bench.LedgerClient.Response;

/**
 * One client's share of the ingest mix: its own fund, payer budget and contract, and a loop of
 * seven commands per cycle, as a fund and a provider would send them:
 *
 * <ol>
 *   <li>an investor commits capital, the fund calls it, the cash arrives (fund manager);</li>
 *   <li>the provider reports an outcome for a new pseudonymous beneficiary, an independent verifier
 *       verifies it, the payer approves the payment and records the bank transfer.</li>
 * </ol>
 *
 * Every step has its principal (four eyes hold), every command an idempotency key unless turned
 * off. The budget and the cap are large enough that no limit is reached in any bounded run. A
 * refused step starts the next cycle with fresh ids, so one error never cascades.
 */
public final class OutcomeFundLane {

    static final List<Op> CYCLE = List.of(Op.values());
    private static final String EUR_1000 = "{\"amount\":\"1000.00\",\"currency\":\"EUR\"}";
    private static final String LARGE = "{\"amount\":\"999999999999.00\",\"currency\":\"EUR\"}";

    private final String id;
    private final String fundId;
    private final String contractId;
    private final String investorId;
    private final String manager;
    private final String provider;
    private final String verifier;
    private final String payer;
    private final boolean idempotencyKeys;
    private long cycle;
    private int step;

    /** @param id unique in the database (run token, scenario, lane number): letters, digits and '-' */
    public OutcomeFundLane(String id, boolean idempotencyKeys) {
        this.id = id;
        this.fundId = id + "-fund";
        this.contractId = id + "-sib";
        this.investorId = id + "-foundation";
        this.manager = "manager-" + id;
        this.provider = "provider-" + id;
        this.verifier = "verifier-" + id;
        this.payer = "payer-" + id;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** The commands that create the lane's fund, payer budget and contract (not measured). */
    public List<Command> setup() {
        return List.of(
                new Command(null, "/api/funds", manager, "fund-manager", null,
                        "{\"fundId\":\"" + fundId + "\",\"name\":\"Bench Outcome Fund " + id + "\",\"currency\":\"EUR\","
                                + "\"manager\":\"Bench Fund Management\",\"returnCapMultiple\":\"1.30\"}"),
                new Command(null, "/api/funds/" + fundId + "/budgets", payer, "outcome-payer", null,
                        "{\"budgetId\":\"budget\",\"payerId\":\"city-" + id + "\",\"amount\":" + LARGE + ",\"valueDate\":\"2026-01-15\","
                                + "\"nrrp\":{\"cup\":\"C11H22000110001\",\"measure\":\"M5C2I1.3\"}}"),
                new Command(null, "/api/contracts", manager, "fund-manager", null,
                        "{\"contractId\":\"" + contractId + "\",\"fundId\":\"" + fundId + "\",\"providerId\":\"coop-" + id + "\","
                                + "\"budgetId\":\"budget\",\"title\":\"Housing First (bench)\",\"startDate\":\"2026-01-01\","
                                + "\"endDate\":\"2030-12-31\",\"cap\":" + LARGE + ",\"rateCard\":[{\"metricCode\":\"HOUSED-6M\","
                                + "\"description\":\"Housed for six months\",\"unitPrice\":{\"amount\":\"4500.00\",\"currency\":\"EUR\"},"
                                + "\"sdgTargets\":[\"11.1\",\"1.2\"],\"rule\":\"ONCE_PER_BENEFICIARY\"}]}"));
    }

    /** Sends the setup commands; throws with the ledger's answer if one is refused. */
    public void setUp(LedgerClient client) {
        for (Command command : setup()) {
            Response response = client.send(command);
            if (!response.ok()) {
                throw new IllegalStateException("setting up lane " + id + ": " + command.path() + " answered " + response.reason()
                        + (response.body() == null ? "" : ": " + abbreviate(response.body())));
            }
        }
    }

    /** The next command of the cycle. */
    public Command next() {
        Op op = CYCLE.get(step);
        String call = "call-" + cycle;
        String outcome = "o-" + cycle;
        String outcomePath = "/api/contracts/" + contractId + "/outcomes/" + outcome;
        String key = idempotencyKeys ? id + "-" + cycle + "-" + step : null;
        return switch (op) {
            case COMMIT_CAPITAL -> new Command(op, "/api/funds/" + fundId + "/commitments", manager, "fund-manager", key,
                    "{\"investorId\":\"" + investorId + "\",\"amount\":" + EUR_1000 + ",\"valueDate\":\"2026-01-10\"}");
            case CALL_CAPITAL -> new Command(op, "/api/funds/" + fundId + "/capital-calls", manager, "fund-manager", key,
                    "{\"callId\":\"" + call + "\",\"investorId\":\"" + investorId + "\",\"amount\":" + EUR_1000
                            + ",\"dueDate\":\"2026-01-31\"}");
            case RECEIVE_CAPITAL -> new Command(op, "/api/funds/" + fundId + "/capital-calls/" + call + "/receipts", manager,
                    "fund-manager", key,
                    "{\"amount\":" + EUR_1000 + ",\"valueDate\":\"2026-01-25\",\"bankReference\":\"SEPA-" + id + "-" + cycle + "\"}");
            case REPORT_OUTCOME -> new Command(op, "/api/contracts/" + contractId + "/outcomes", provider, "provider", key,
                    "{\"outcomeId\":\"" + outcome + "\",\"beneficiaryId\":\"ben-" + id + "-" + cycle + "\",\"metricCode\":\"HOUSED-6M\","
                            + "\"period\":\"2026-Q3\",\"outcomeDate\":\"2026-08-01\",\"quantity\":\"1\","
                            + "\"evidenceReference\":\"case-file://" + id + "/" + outcome + "\","
                            + "\"evidenceSha256\":\"" + sha256(id + "/" + outcome) + "\"}");
            case VERIFY_OUTCOME -> new Command(op, outcomePath + "/verification", verifier, "verifier", key,
                    "{\"verifiedQuantity\":\"1\",\"note\":\"tenancy contract and six rent receipts checked\"}");
            case APPROVE_PAYMENT -> new Command(op, outcomePath + "/payment-approval", payer, "outcome-payer", key, null);
            case EXECUTE_PAYMENT -> new Command(op, outcomePath + "/payment-execution", payer, "outcome-payer", key,
                    "{\"bankReference\":\"IT-" + id + "-" + cycle + "\",\"valueDate\":\"2026-10-05\"}");
        };
    }

    /** Moves on after the answer to {@link #next()}: the next step, or a fresh cycle after a refusal. */
    public void completed(boolean ok) {
        if (ok && step < CYCLE.size() - 1) {
            step++;
        } else {
            step = 0;
            cycle++;
        }
    }

    public String id() {
        return id;
    }

    static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

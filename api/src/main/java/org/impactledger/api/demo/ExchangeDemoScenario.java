package org.impactledger.api.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.impactledger.api.web.CommandDispatcher;
import org.impactledger.api.web.RequestContext;
import org.impactledger.core.exchange.BondTerms;
import org.impactledger.core.exchange.InstrumentType;
import org.impactledger.core.exchange.OrderSide;
import org.impactledger.core.exchange.command.AdmitIssuer;
import org.impactledger.core.exchange.command.CancelOrder;
import org.impactledger.core.exchange.command.CloseOffering;
import org.impactledger.core.exchange.command.DepositCash;
import org.impactledger.core.exchange.command.ListInstrument;
import org.impactledger.core.exchange.command.OpenAccount;
import org.impactledger.core.exchange.command.OpenOffering;
import org.impactledger.core.exchange.command.PayCoupon;
import org.impactledger.core.exchange.command.PayDividend;
import org.impactledger.core.exchange.command.PlaceOrder;
import org.impactledger.core.exchange.command.RejectIssuerOutcome;
import org.impactledger.core.exchange.command.ReportIssuerOutcome;
import org.impactledger.core.exchange.command.SubscribeToOffering;
import org.impactledger.core.exchange.command.VerifyIssuerOutcome;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.impactledger.core.shared.OrderId;
import org.impactledger.core.shared.OutcomeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A realistic slice of Turin's Social Impact Stock Exchange, seeded with fixed idempotency keys
 * ({@code demo-exchange-NNN}), so seeding twice changes nothing.
 *
 * <p>Two social enterprises are admitted: <b>Lavoro Insieme</b>, a social cooperative that places
 * people at a disadvantage in work (SDG 8.5, 10.2), and <b>CER Torino Nord</b>, a renewable energy
 * community fighting energy poverty (SDG 7.1, 7.2). Lavoro Insieme lists a share, CER a 3.5% social
 * bond maturing in 2031. Five investors (a banking foundation, an impact bank, a welfare fund, two
 * citizens) open accounts. Every figure below is worked out by hand and checked by {@code DemoScenarioTest}:
 * <ul>
 *   <li>Share offering, 10,000 units at 25.00, oversubscribed (13,000): pro rata by largest remainder,
 *       FOUNDATION 4,615, BANK 3,077, WELFARE 1,923, GIULIA 231, MARCO 154 (the 3 units left after
 *       rounding down go to the largest fractions .92, .85, .77). Bond offering, 2,000 at 100.00:
 *       FOUNDATION 1,000, WELFARE 400, in full.</li>
 *   <li>Trades on the share: BANK sells 500 @ 26.00; GIULIA buys 100 (partial fill of BANK's order);
 *       WELFARE bids 300 @ 25.80; MARCO sells 50 @ 25.50 and gets the resting 25.80 (partial fill of
 *       WELFARE's bid); FOUNDATION buys 400 @ 26.10 at the resting 26.00. GIULIA's later ask is cancelled.</li>
 *   <li>Dividend 4,250.00 (42.5 cents a unit, the 2 cents left by rounding down go to the equal
 *       half-cent fractions in investor id order); coupon 2,450.00 (1.75 a bond).</li>
 *   <li>Outcomes: Lavoro Insieme's Q2 job placements (24 reported, 22 verified), Q2 trainees
 *       rejected, Q3 placements awaiting verification; CER's Q3 renewable energy (412.50 MWh) and
 *       households out of energy poverty (37 reported, 35 verified).</li>
 * </ul>
 */
public class ExchangeDemoScenario {

    private static final Logger log = LoggerFactory.getLogger(ExchangeDemoScenario.class);

    public static final IssuerId LAVORO_INSIEME = IssuerId.of("coop-lavoro-insieme");
    public static final IssuerId CER_TORINO_NORD = IssuerId.of("cer-torino-nord");
    public static final InstrumentId SHARE = InstrumentId.of("lavoro-insieme-share");
    public static final InstrumentId BOND = InstrumentId.of("cer-torino-bond-2031");
    public static final InvestorId FOUNDATION = InvestorId.of("investor-foundation-nord");
    public static final InvestorId BANK = InvestorId.of("investor-impact-bank");
    public static final InvestorId WELFARE = InvestorId.of("investor-welfare-fund");
    public static final InvestorId GIULIA = InvestorId.of("investor-retail-giulia");
    public static final InvestorId MARCO = InvestorId.of("investor-retail-marco");
    private static final OfferingId SHARE_OFFERING = OfferingId.of("lis-ipo-2026");
    private static final OfferingId BOND_OFFERING = OfferingId.of("cer-bond-2026");
    private static final String ADMISSIONS = "exchange-admissions";
    private static final String ISSUER_LAVORO = "issuer-lavoro-insieme";
    private static final String ISSUER_CER = "issuer-cer-torino-nord";
    private static final String VERIFIER = "verifier-valuta-impatto";

    private final CommandDispatcher dispatcher;
    private int step;
    private int replayed;

    public ExchangeDemoScenario(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public void seed() {
        send(ADMISSIONS, "exchange-officer", "2026-02-02", new AdmitIssuer(LAVORO_INSIEME, "Lavoro Insieme Società Cooperativa Sociale", "EUR",
                List.of("8.5", "10.2"), day("2026-02-02")));
        send(ADMISSIONS, "exchange-officer", "2026-02-02", new AdmitIssuer(CER_TORINO_NORD, "Comunità Energetica Rinnovabile Torino Nord", "EUR",
                List.of("7.1", "7.2"), day("2026-02-02")));
        account(FOUNDATION, "250000.00");
        account(BANK, "150000.00");
        account(WELFARE, "120000.00");
        account(GIULIA, "10000.00");
        account(MARCO, "6000.00");

        send(ADMISSIONS, "exchange-officer", "2026-02-16", new ListInstrument(SHARE, LAVORO_INSIEME, "Lavoro Insieme ordinary share",
                InstrumentType.SHARE, null, day("2026-02-16")));
        send(ADMISSIONS, "exchange-officer", "2026-02-16", new ListInstrument(BOND, CER_TORINO_NORD, "CER Torino Nord social bond 3.5% 2031",
                InstrumentType.SOCIAL_BOND, new BondTerms(eur("100.00"), new BigDecimal("0.035"), 2, day("2031-03-31")), day("2026-02-16")));
        send(ISSUER_LAVORO, "issuer", "2026-02-16", new OpenOffering(SHARE, SHARE_OFFERING, 10_000, eur("25.00"), day("2026-02-16"),
                day("2026-03-13")));
        send(ISSUER_CER, "issuer", "2026-02-16", new OpenOffering(BOND, BOND_OFFERING, 2_000, eur("100.00"), day("2026-02-16"), day("2026-03-13")));
        subscribe(SHARE, SHARE_OFFERING, FOUNDATION, 6000, "2026-02-20");
        subscribe(BOND, BOND_OFFERING, FOUNDATION, 1000, "2026-02-23");
        subscribe(SHARE, SHARE_OFFERING, BANK, 4000, "2026-02-24");
        subscribe(BOND, BOND_OFFERING, WELFARE, 400, "2026-02-26");
        subscribe(SHARE, SHARE_OFFERING, WELFARE, 2500, "2026-02-27");
        subscribe(SHARE, SHARE_OFFERING, GIULIA, 300, "2026-03-02");
        subscribe(SHARE, SHARE_OFFERING, MARCO, 200, "2026-03-05");
        send(ISSUER_LAVORO, "issuer", "2026-03-16", new CloseOffering(SHARE, SHARE_OFFERING, day("2026-03-16")));
        send(ISSUER_CER, "issuer", "2026-03-16", new CloseOffering(BOND, BOND_OFFERING, day("2026-03-16")));

        order("lis-s-1", BANK, OrderSide.SELL, 500, "26.00", "2026-04-07");
        order("lis-b-1", GIULIA, OrderSide.BUY, 100, "26.00", "2026-04-07");
        order("lis-b-2", WELFARE, OrderSide.BUY, 300, "25.80", "2026-04-08");
        order("lis-s-2", MARCO, OrderSide.SELL, 50, "25.50", "2026-04-09");
        order("lis-b-3", FOUNDATION, OrderSide.BUY, 400, "26.10", "2026-04-10");
        order("lis-s-3", GIULIA, OrderSide.SELL, 31, "27.00", "2026-04-14");
        send(GIULIA.value(), "investor", "2026-04-15", new CancelOrder(SHARE, OrderId.of("lis-s-3"), GIULIA, day("2026-04-15")));

        send(ISSUER_LAVORO, "issuer", "2026-07-15", new PayDividend(SHARE, "lis-dividend-2025", eur("4250.00"), day("2026-06-30"), day("2026-07-15")));
        report(LAVORO_INSIEME, ISSUER_LAVORO, "lis-2026-q2-placements", "JOB-PLACEMENT", "8.5", "24", "2026-Q2", "2026-07-10");
        report(LAVORO_INSIEME, ISSUER_LAVORO, "lis-2026-q2-trainees", "TRAINEES", "10.2", "15", "2026-Q2", "2026-07-10");
        send(VERIFIER, "verifier", "2026-07-31", new VerifyIssuerOutcome(LAVORO_INSIEME, OutcomeId.of("lis-2026-q2-placements"), new BigDecimal("22"),
                "Two placements ended within the probation period", VERIFIER));
        send(VERIFIER, "verifier", "2026-07-31", new RejectIssuerOutcome(LAVORO_INSIEME, OutcomeId.of("lis-2026-q2-trainees"),
                "Attendance registers not provided", VERIFIER));

        send(ISSUER_CER, "issuer", "2026-10-15", new PayCoupon(BOND, "cer-coupon-2026-09", day("2026-09-30"), day("2026-10-15")));
        report(CER_TORINO_NORD, ISSUER_CER, "cer-2026-q3-renewable", "RENEWABLE-MWH", "7.2", "412.50", "2026-Q3", "2026-10-05");
        report(CER_TORINO_NORD, ISSUER_CER, "cer-2026-q3-households", "ENERGY-POVERTY-HOUSEHOLDS", "7.1", "37", "2026-Q3", "2026-10-05");
        report(LAVORO_INSIEME, ISSUER_LAVORO, "lis-2026-q3-placements", "JOB-PLACEMENT", "8.5", "18", "2026-Q3", "2026-10-10");
        send(VERIFIER, "verifier", "2026-10-20", new VerifyIssuerOutcome(CER_TORINO_NORD, OutcomeId.of("cer-2026-q3-renewable"),
                new BigDecimal("412.50"), "Meter readings of the distribution system operator", VERIFIER));
        send(VERIFIER, "verifier", "2026-10-20", new VerifyIssuerOutcome(CER_TORINO_NORD, OutcomeId.of("cer-2026-q3-households"),
                new BigDecimal("35"), "Two households above the ISEE threshold", VERIFIER));
        log.info("Exchange demo: {} commands, {} newly applied, {} already seeded", step, step - replayed, replayed);
    }

    private void account(InvestorId investor, String deposit) {
        send(investor.value(), "investor", "2026-02-02", new OpenAccount(investor, "EUR", day("2026-02-02")));
        send(investor.value(), "investor", "2026-02-05", new DepositCash(investor, eur(deposit), "SEPA-" + investor.value().toUpperCase(),
                day("2026-02-05")));
    }

    private void subscribe(InstrumentId instrument, OfferingId offering, InvestorId investor, long units, String on) {
        send(investor.value(), "investor", on, new SubscribeToOffering(instrument, offering, investor, units, day(on)));
    }

    private void order(String orderId, InvestorId investor, OrderSide side, long units, String limit, String on) {
        send(investor.value(), "investor", on, new PlaceOrder(SHARE, OrderId.of(orderId), investor, side, units, eur(limit), day(on)));
    }

    private void report(IssuerId issuer, String reporter, String outcomeId, String metric, String sdgTarget, String quantity, String period,
                        String on) {
        send(reporter, "issuer", on, new ReportIssuerOutcome(issuer, OutcomeId.of(outcomeId), metric, sdgTarget, new BigDecimal(quantity), period,
                reporter));
    }

    /** Sends with the action's date as the business date (see the API's ActionDate). */
    private void send(String principal, String role, String businessDate, Object command) {
        step++;
        String key = "demo-exchange-" + String.format("%03d", step);
        if (dispatcher.send(command, new RequestContext(principal, role, key, "demo-exchange", day(businessDate))).replayed()) {
            replayed++;
        }
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}

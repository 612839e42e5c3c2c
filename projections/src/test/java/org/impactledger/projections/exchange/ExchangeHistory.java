package org.impactledger.projections.exchange;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;
import org.impactledger.core.exchange.Account;
import org.impactledger.core.exchange.BondTerms;
import org.impactledger.core.exchange.ExchangeHandler;
import org.impactledger.core.exchange.Instrument;
import org.impactledger.core.exchange.InstrumentType;
import org.impactledger.core.exchange.Issuer;
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
import org.impactledger.core.exchange.command.ReinstateIssuer;
import org.impactledger.core.exchange.command.RejectIssuerOutcome;
import org.impactledger.core.exchange.command.ReportIssuerOutcome;
import org.impactledger.core.exchange.command.SubscribeToOffering;
import org.impactledger.core.exchange.command.SuspendIssuer;
import org.impactledger.core.exchange.command.VerifyIssuerOutcome;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.OfferingId;
import org.impactledger.core.shared.OrderId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.infra.messaging.LedgerCorrelationDataProvider;
import org.impactledger.infra.messaging.LedgerMetaData;

/**
 * The shared exchange history of the read-model tests, produced by the real aggregates and
 * {@link ExchangeHandler} on an in-memory event store, so that every event is exactly what the
 * domain records: sequence numbers, metadata (principal, business date) and all. Timestamps come
 * from a clock that starts at {@link #START} and moves one second per event.
 *
 * <p>The story (figures worked out by hand; the tests check them):
 * <pre>
 * Issuers: Lavoro Insieme (job placement, SDG 8.5, 10.2) and CER Torino Nord (community energy, 7.1, 7.2).
 * Accounts (deposited 2026-02-05): FOUNDATION 250,000.00, BANK 150,000.00, WELFARE 120,000.00, GIULIA 10,000.00, MARCO 6,000.00.
 * Share offering, 10,000 units at 25.00, subscribed 6,000 + 4,000 + 2,500 + 300 + 200 = 13,000 (oversubscribed):
 *   size × subscribed / 13,000 = 4615.38, 3076.92, 1923.08, 230.77, 153.85; rounded down 4615, 3076, 1923, 230, 153 = 9,997;
 *   the 3 units left go to the largest cut-off fractions: BANK (.92), MARCO (.85), GIULIA (.77):
 *   FOUNDATION 4,615, BANK 3,077, WELFARE 1,923, GIULIA 231, MARCO 154 (× 25.00 = 115,375.00, 76,925.00, 48,075.00, 5,775.00, 3,850.00).
 * Bond offering, 2,000 units at 100.00: FOUNDATION 1,000 and WELFARE 400, both in full (140,000.00).
 * Trades on the share:
 *   04-07 BANK sells 500 @ 26.00 (S1); GIULIA buys 100 @ 26.00: T1 100 @ 26.00 = 2,600.00 (S1 400 left)
 *   04-08 WELFARE buys 300 @ 25.80 (B2, rests, 7,740.00 reserved)
 *   04-09 MARCO sells 50 @ 25.50: T2 50 @ 25.80 = 1,290.00 at the resting bid (B2 250 left)
 *   04-10 FOUNDATION buys 400 @ 26.10: T3 400 @ 26.00 = 10,400.00 at the resting ask (S1 filled; 40.00 price improvement)
 *   04-14 GIULIA sells 31 @ 27.00 (S4), cancelled on 04-15.  Book at the end: bid 250 @ 25.80.
 *   Units: FOUNDATION 5,015, BANK 2,577, WELFARE 1,973, GIULIA 331, MARCO 104 (10,000).
 * Dividend 4,250.00 on the share, record date 06-30: 0.425 a unit, i.e. 42.5 cents: 5015 × 42.5 = 213,137.5 cents and so on;
 *   rounded down 213,137 + 109,522 + 83,852 + 14,067 + 4,420 = 424,998 cents; the 2 cents left go to the equal fractions (.5)
 *   in investor id order: FOUNDATION and BANK. FOUNDATION 2,131.38, BANK 1,095.23, WELFARE 838.52, GIULIA 140.67, MARCO 44.20.
 * Coupon on the bond, record date 09-30: 100.00 × 3.5% ÷ 2 = 1.75 a unit: FOUNDATION 1,750.00, WELFARE 700.00 (2,450.00).
 * Lavoro Insieme is suspended on 05-04 and reinstated on 05-11.
 * Outcomes: Lavoro Q2 JOB-PLACEMENT 8.5 reported 24, verified 22 on 07-31; Q2 TRAINEES 10.2 15 rejected; Q3 JOB-PLACEMENT 18 reported only.
 *   CER Q3 RENEWABLE-MWH 7.2 412.50 verified in full, ENERGY-POVERTY-HOUSEHOLDS 7.1 37 verified 35, on 10-20.
 * </pre>
 */
final class ExchangeHistory {

    static final Instant START = Instant.parse("2026-02-02T08:00:00.123456Z");

    static final IssuerId LAVORO = IssuerId.of("coop-lavoro-insieme");
    static final IssuerId CER = IssuerId.of("cer-torino-nord");
    static final InstrumentId SHARE = InstrumentId.of("lavoro-insieme-share");
    static final InstrumentId BOND = InstrumentId.of("cer-torino-bond-2031");
    static final OfferingId SHARE_OFFERING = OfferingId.of("lis-ipo-2026");
    static final OfferingId BOND_OFFERING = OfferingId.of("cer-bond-2026");
    static final InvestorId FOUNDATION = InvestorId.of("investor-foundation-nord");
    static final InvestorId BANK = InvestorId.of("investor-impact-bank");
    static final InvestorId WELFARE = InvestorId.of("investor-welfare-fund");
    static final InvestorId GIULIA = InvestorId.of("investor-retail-giulia");
    static final InvestorId MARCO = InvestorId.of("investor-retail-marco");
    static final String ISSUER_LAVORO = "issuer-lavoro-insieme";
    static final String ISSUER_CER = "issuer-cer-torino-nord";
    static final String VERIFIER = "verifier-valuta-impatto";

    private static List<DomainEventMessage<?>> events;

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final CommandGateway commands;

    private ExchangeHistory() {
        EventStore eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
        Repository<Instrument> instruments = EventSourcingRepository.builder(Instrument.class).eventStore(eventStore).build();
        Repository<Issuer> issuers = EventSourcingRepository.builder(Issuer.class).eventStore(eventStore).build();
        Repository<Account> accounts = EventSourcingRepository.builder(Account.class).eventStore(eventStore).build();
        CommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(List.of(new LedgerCorrelationDataProvider())));
        AggregateAnnotationCommandHandler.<Issuer>builder().aggregateType(Issuer.class).repository(issuers).build().subscribe(bus);
        AggregateAnnotationCommandHandler.<Account>builder().aggregateType(Account.class).repository(accounts).build().subscribe(bus);
        new AnnotationCommandHandlerAdapter<>(new ExchangeHandler(instruments, issuers, accounts)).subscribe(bus);
        commands = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /** The whole history, in the order the events were appended (built once). */
    static synchronized List<DomainEventMessage<?>> events() {
        if (events == null) {
            Clock original = GenericEventMessage.clock;
            GenericEventMessage.clock = new SteppingClock(START);
            try {
                ExchangeHistory history = new ExchangeHistory();
                history.play();
                List<DomainEventMessage<?>> all = new java.util.ArrayList<>();
                history.storage.readEvents(null, false).forEach(m -> all.add((DomainEventMessage<?>) m));
                events = List.copyOf(all);
            } finally {
                GenericEventMessage.clock = original;
            }
        }
        return events;
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private void send(String principal, String businessDate, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                LedgerMetaData.PRINCIPAL, principal, LedgerMetaData.BUSINESS_DATE, businessDate))));
    }

    private void play() {
        send("exchange-admissions", "2026-02-02", new AdmitIssuer(LAVORO, "Lavoro Insieme Società Cooperativa Sociale", "EUR", List.of("8.5", "10.2"),
                day("2026-02-02")));
        send("exchange-admissions", "2026-02-02", new AdmitIssuer(CER, "Comunità Energetica Rinnovabile Torino Nord", "EUR", List.of("7.1", "7.2"),
                day("2026-02-02")));
        account(FOUNDATION, "250000.00");
        account(BANK, "150000.00");
        account(WELFARE, "120000.00");
        account(GIULIA, "10000.00");
        account(MARCO, "6000.00");

        send("exchange-listings", "2026-02-16", new ListInstrument(SHARE, LAVORO, "Lavoro Insieme ordinary share", InstrumentType.SHARE, null,
                day("2026-02-16")));
        send("exchange-listings", "2026-02-16", new ListInstrument(BOND, CER, "CER Torino Nord social bond 3.5% 2031", InstrumentType.SOCIAL_BOND,
                new BondTerms(eur("100.00"), new BigDecimal("0.035"), 2, day("2031-03-31")), day("2026-02-16")));
        send(ISSUER_LAVORO, "2026-02-16", new OpenOffering(SHARE, SHARE_OFFERING, 10_000, eur("25.00"), day("2026-02-16"), day("2026-03-13")));
        send(ISSUER_CER, "2026-02-16", new OpenOffering(BOND, BOND_OFFERING, 2_000, eur("100.00"), day("2026-02-16"), day("2026-03-13")));
        subscribe(SHARE, SHARE_OFFERING, FOUNDATION, 6000, "2026-02-20");
        subscribe(BOND, BOND_OFFERING, FOUNDATION, 1000, "2026-02-23");
        subscribe(SHARE, SHARE_OFFERING, BANK, 4000, "2026-02-24");
        subscribe(BOND, BOND_OFFERING, WELFARE, 400, "2026-02-26");
        subscribe(SHARE, SHARE_OFFERING, WELFARE, 2500, "2026-02-27");
        subscribe(SHARE, SHARE_OFFERING, GIULIA, 300, "2026-03-02");
        subscribe(SHARE, SHARE_OFFERING, MARCO, 200, "2026-03-05");
        send(ISSUER_LAVORO, "2026-03-16", new CloseOffering(SHARE, SHARE_OFFERING, day("2026-03-16")));
        send(ISSUER_CER, "2026-03-16", new CloseOffering(BOND, BOND_OFFERING, day("2026-03-16")));

        order("S1", BANK, OrderSide.SELL, 500, "26.00", "2026-04-07");
        order("B1", GIULIA, OrderSide.BUY, 100, "26.00", "2026-04-07");
        order("B2", WELFARE, OrderSide.BUY, 300, "25.80", "2026-04-08");
        order("S2", MARCO, OrderSide.SELL, 50, "25.50", "2026-04-09");
        order("B3", FOUNDATION, OrderSide.BUY, 400, "26.10", "2026-04-10");
        order("S4", GIULIA, OrderSide.SELL, 31, "27.00", "2026-04-14");
        send(GIULIA.value(), "2026-04-15", new CancelOrder(SHARE, OrderId.of("S4"), GIULIA, day("2026-04-15")));

        send("exchange-supervision", "2026-05-04", new SuspendIssuer(LAVORO, "Annual accounts not filed on time", day("2026-05-04")));
        send("exchange-supervision", "2026-05-11", new ReinstateIssuer(LAVORO, "Annual accounts filed", day("2026-05-11")));

        send(ISSUER_LAVORO, "2026-07-15", new PayDividend(SHARE, "lis-dividend-2025", eur("4250.00"), day("2026-06-30"), day("2026-07-15")));
        send(ISSUER_LAVORO, "2026-07-10", new ReportIssuerOutcome(LAVORO, OutcomeId.of("lis-2026-q2-placements"), "JOB-PLACEMENT", "8.5",
                new BigDecimal("24"), "2026-Q2", ISSUER_LAVORO));
        send(ISSUER_LAVORO, "2026-07-10", new ReportIssuerOutcome(LAVORO, OutcomeId.of("lis-2026-q2-trainees"), "TRAINEES", "10.2",
                new BigDecimal("15"), "2026-Q2", ISSUER_LAVORO));
        send(VERIFIER, "2026-07-31", new VerifyIssuerOutcome(LAVORO, OutcomeId.of("lis-2026-q2-placements"), new BigDecimal("22"),
                "Two placements ended within the probation period", VERIFIER));
        send(VERIFIER, "2026-07-31", new RejectIssuerOutcome(LAVORO, OutcomeId.of("lis-2026-q2-trainees"), "Attendance registers not provided",
                VERIFIER));

        send(ISSUER_CER, "2026-10-15", new PayCoupon(BOND, "cer-coupon-2026-09", day("2026-09-30"), day("2026-10-15")));
        send(ISSUER_CER, "2026-10-05", new ReportIssuerOutcome(CER, OutcomeId.of("cer-2026-q3-renewable"), "RENEWABLE-MWH", "7.2",
                new BigDecimal("412.50"), "2026-Q3", ISSUER_CER));
        send(ISSUER_CER, "2026-10-05", new ReportIssuerOutcome(CER, OutcomeId.of("cer-2026-q3-households"), "ENERGY-POVERTY-HOUSEHOLDS", "7.1",
                new BigDecimal("37"), "2026-Q3", ISSUER_CER));
        send(ISSUER_LAVORO, "2026-10-10", new ReportIssuerOutcome(LAVORO, OutcomeId.of("lis-2026-q3-placements"), "JOB-PLACEMENT", "8.5",
                new BigDecimal("18"), "2026-Q3", ISSUER_LAVORO));
        send(VERIFIER, "2026-10-20", new VerifyIssuerOutcome(CER, OutcomeId.of("cer-2026-q3-renewable"), new BigDecimal("412.50"),
                "Meter readings of the distribution operator", VERIFIER));
        send(VERIFIER, "2026-10-20", new VerifyIssuerOutcome(CER, OutcomeId.of("cer-2026-q3-households"), new BigDecimal("35"),
                "Two households above the ISEE threshold", VERIFIER));
    }

    private void account(InvestorId investor, String deposit) {
        send(investor.value(), "2026-02-02", new OpenAccount(investor, "EUR", day("2026-02-02")));
        send(investor.value(), "2026-02-05", new DepositCash(investor, eur(deposit), "SEPA-" + investor.value(), day("2026-02-05")));
    }

    private void subscribe(InstrumentId instrument, OfferingId offering, InvestorId investor, long units, String on) {
        send(investor.value(), on, new SubscribeToOffering(instrument, offering, investor, units, day(on)));
    }

    private void order(String id, InvestorId investor, OrderSide side, long units, String limit, String on) {
        send(investor.value(), on, new PlaceOrder(SHARE, OrderId.of(id), investor, side, units, eur(limit), day(on)));
    }

    /** A clock that moves one second each time it is read, from a start with microseconds (as Axon's timestamps have). */
    private static final class SteppingClock extends Clock {
        private Instant next;

        SteppingClock(Instant start) {
            this.next = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plus(1, ChronoUnit.SECONDS);
            return now;
        }
    }
}

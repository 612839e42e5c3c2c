package org.impactledger.bench.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.impactledger.infra.messaging.LedgerMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends {@link Programme} after programme through the ledger's command gateway until the event
 * store holds {@code seed.events} events. Every command carries the metadata the API's command
 * dispatcher adds (principal, role, command id, correlation id, business date, request hash), so the
 * idempotency interceptor records it and the correlation provider stamps its events exactly as for
 * a command that came over HTTP. What differs from HTTP is only the batching: {@code seed.commands-per-unit}
 * commands share one unit of work and one database transaction (the aggregates they touch stay
 * loaded between them; the events are appended in JDBC batches at commit), so one database round
 * trip is not paid per command; and {@code seed.threads} funds are seeded side by side.
 */
class Seeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Seeder.class);
    private static final LocalDate DEFAULT_BUSINESS_DATE = LocalDate.of(2026, 10, 31);

    private final CommandGateway gateway;
    private final TransactionManager transactionManager;
    private final JdbcClient jdbc;
    private final long target;
    private final int perUnit;
    private final int contracts;
    private final int outcomes;
    private final int threads;
    private final AtomicLong sent = new AtomicLong();

    Seeder(CommandGateway gateway, TransactionManager transactionManager, JdbcClient jdbc,
           @Value("${seed.events:1000000}") long target,
           @Value("${seed.commands-per-unit:500}") int perUnit,
           @Value("${seed.contracts-per-fund:10}") int contracts,
           @Value("${seed.outcomes-per-contract:100}") int outcomes,
           @Value("${seed.threads:2}") int threads) {
        this.threads = threads;
        this.gateway = gateway;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.target = target;
        this.perUnit = perUnit;
        this.contracts = contracts;
        this.outcomes = outcomes;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        long start = System.nanoTime();
        long stored = events();
        AtomicInteger programmes = new AtomicInteger(jdbc.sql(
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = 'org.impactledger.core.fund.event.FundOpened'")
                .query(Integer.class).single());
        log.info("seeding up to {} events ({} already stored) on {} threads, {} commands per unit of work, {} contracts of {} outcomes per fund",
                target, stored, threads, perUnit, contracts, outcomes);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (events() < target) {
                    int programme = programmes.incrementAndGet();
                    List<SeedCommand> commands = Programme.commands(programme, contracts, outcomes);
                    for (int from = 0; from < commands.size(); from += perUnit) {
                        dispatch(programme, from, commands.subList(from, Math.min(commands.size(), from + perUnit)));
                    }
                    if (programme % 10 == 0) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        log.info("fund {}: {} events, {} commands in {} s ({} commands/s)", programme, events(), sent.get(),
                                Math.round(seconds), Math.round(sent.get() / seconds));
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = events();
        System.out.printf("seeded events=%d new_events=%d commands=%d funds=%d seconds=%.1f commands_per_s=%.0f events_per_s=%.0f%n", events,
                events - stored, sent.get(), programmes.get(), seconds, sent.get() / seconds, (events - stored) / seconds);
    }

    /** One unit of work; command ids are {@code seed-<fund>-<n>}, so a second run on the same database continues without clashes. */
    private void dispatch(int programme, int first, List<SeedCommand> commands) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        unit.attachTransaction(transactionManager);
        try {
            int n = first;
            for (SeedCommand command : commands) {
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command.payload())
                        .andMetaData(metaData(command, "seed-" + programme + "-" + (++n))));
                sent.incrementAndGet();
            }
            unit.commit();
        } catch (RuntimeException e) {
            if (unit.isActive()) {
                unit.rollback(e);
            }
            throw e;
        }
    }

    private static MetaData metaData(SeedCommand command, String commandId) {
        Map<String, Object> m = new HashMap<>();
        m.put(LedgerMetaData.PRINCIPAL, command.principal());
        m.put(LedgerMetaData.ROLE, command.role());
        m.put(LedgerMetaData.COMMAND_ID, commandId);
        m.put(LedgerMetaData.CORRELATION_ID, commandId);
        m.put(LedgerMetaData.BUSINESS_DATE, (command.businessDate() == null ? DEFAULT_BUSINESS_DATE : command.businessDate()).toString());
        m.put(LedgerMetaData.REQUEST_HASH, hash(command.payload()));
        return MetaData.from(m);
    }

    private long events() {
        return jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    /** As the API's command dispatcher fingerprints a request: the command's type and every value it carries. */
    private static String hash(Object command) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((command.getClass().getName() + ":" + command).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.impactledger.bench.seed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Fills a benchmark database with a large, valid event history through the ledger's own write side:
 *
 * <pre>
 * LEDGER_DB_URL=jdbc:postgresql://127.0.0.1:5432/ledger_bench_mil java -jar impact-ledger-bench-seed.jar --seed.events=1000000
 * </pre>
 *
 * The context is the ledger's write side only: infra's auto-configurations (serializer, JDBC event
 * store, aggregates with their cache and snapshots, cross-aggregate handlers, idempotency interceptor,
 * metadata propagation) over ledger-core, with Flyway creating the event-store tables. No web server,
 * no read models, no audit chain: the ledger builds those itself when it starts on the database.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(Seeder.class)
public class SeedApplication {

    public static void main(String[] args) {
        int status;
        try {
            status = SpringApplication.exit(SpringApplication.run(SeedApplication.class, args));
        } catch (RuntimeException e) {
            status = 1; // Spring has logged it; exit even though Axon's non-daemon threads are still alive
        }
        System.exit(status);
    }
}

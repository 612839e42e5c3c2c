package org.impactledger.infra.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * On PostgreSQL, the ledger's sessions plan at most {@code ledger.database.max-parallel-workers-per-gather}
 * parallel workers per query (default {@value #DEFAULT}: none), sent as the session's
 * {@code max_parallel_workers_per_gather} through the driver's {@code options} when the pool starts.
 * {@code -1} leaves the server's setting; a URL or pool that sets {@code options} itself is left as it is.
 *
 * <p>Why: the report queries are short index lookups or one-pass aggregations, asked by several users
 * at once. With four report clients on two cores and the server's default of two workers, every
 * report about the past was slower than with none: over the 1M-event store (two runs each,
 * alternated, bench/RESULTS.md, "fourteenth session"), p50 of the payment audit of every fund
 * 1,476–1,546 ms against 575 ms, of the SDG report of every fund 2,878–2,914 ms against
 * 1,953–2,010 ms, of one fund's SDG report 26.4 ms against 19.3–21.4 ms. A worker is a process
 * started for the query, and the cores it would use are already busy with the other queries.
 * Raise it on a server with cores to spare and few concurrent readers.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
public class PostgresParallelQuery {

    static final String SETTING = "ledger.database.max-parallel-workers-per-gather";
    static final int DEFAULT = 0;
    static final String OPTIONS = "options";

    @Bean
    static BeanPostProcessor postgresParallelQuery(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource dataSource) {
                    limitParallelWorkers(dataSource, environment.getProperty(SETTING, Integer.class, DEFAULT));
                }
                return bean;
            }
        };
    }

    /** Sets the session option on a PostgreSQL pool that sets no {@value #OPTIONS} of its own (before the pool starts). */
    static void limitParallelWorkers(HikariDataSource dataSource, int workers) {
        if (workers < -1) {
            throw new IllegalArgumentException(SETTING + " must be -1 (the server's setting) or a number of workers from 0, was " + workers);
        }
        if (workers >= 0 && PostgresPools.leavesUnset(dataSource, OPTIONS)) {
            dataSource.addDataSourceProperty(OPTIONS, "-c max_parallel_workers_per_gather=" + workers);
        }
    }
}

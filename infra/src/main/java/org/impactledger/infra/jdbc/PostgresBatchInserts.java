package org.impactledger.infra.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * On PostgreSQL, the JDBC driver sends a JDBC batch of inserts as multi-row inserts
 * ({@code reWriteBatchedInserts=true}), unless the URL or the pool's driver properties say otherwise.
 *
 * <p>Why: the read models write each batch of events as JDBC batches of inserts (journal entries and
 * lines, payment audit steps, SDG facts...); sent one row per statement, PostgreSQL parses, plans and
 * executes each row on its own. Rewritten, the journal's rebuild at 1M events went from 56.1 s to
 * 40.1 s (bench/RESULTS.md, "sixth session"). What changes for the code: a batch of inserts reports
 * each row's count as {@code SUCCESS_NO_INFO} instead of 1; no code of the ledger reads the counts
 * of a batch of inserts (only those of batches of updates, which are not rewritten). Other databases
 * (H2) are left as they are.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
public class PostgresBatchInserts {

    static final String PROPERTY = "reWriteBatchedInserts";

    @Bean
    static BeanPostProcessor postgresBatchInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource dataSource) {
                    rewriteBatchedInserts(dataSource);
                }
                return bean;
            }
        };
    }

    /** Sets {@value #PROPERTY} on a PostgreSQL pool that does not set it yet (before the pool starts). */
    static void rewriteBatchedInserts(HikariDataSource dataSource) {
        if (PostgresPools.leavesUnset(dataSource, PROPERTY)) {
            dataSource.addDataSourceProperty(PROPERTY, "true");
        }
    }
}

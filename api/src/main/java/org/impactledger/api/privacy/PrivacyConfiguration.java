package org.impactledger.api.privacy;

import java.time.Clock;
import org.impactledger.infra.privacy.PersonalDataCipher;
import org.impactledger.infra.privacy.SubjectKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The per-subject key store and the cipher over it (classes of infra, wired here, where they are used). */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean
    public SubjectKeys subjectKeys(JdbcClient jdbc, Clock clock) {
        return new SubjectKeys(jdbc, clock);
    }

    @Bean
    public PersonalDataCipher personalDataCipher() {
        return new PersonalDataCipher();
    }
}

package org.impactledger.infra.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Jackson 3 settings for every Axon serializer (events, snapshots, messages, tokens).
 *
 * <ul>
 *   <li>Typed ids are written as strings ({@link IdentifierModule}).</li>
 *   <li>Fields are visible, so aggregates can be snapshotted without getters or annotations.</li>
 *   <li>Polymorphic values are only accepted for Axon's own types (tracking and replay tokens);
 *       Jackson 3's default validator refuses them, which kills a processor after a reset.</li>
 *   <li>Unknown properties are ignored: an event read by a newer class version with a removed field
 *       still loads (additions and renames go through upcasters).</li>
 * </ul>
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class LedgerSerializationConfiguration {

    @Bean
    public Jackson3SerializerCustomizer ledgerJacksonCustomizer() {
        return builder -> builder
                .addModule(new IdentifierModule())
                .changeDefaultVisibility(v -> v.withFieldVisibility(JsonAutoDetect.Visibility.ANY))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .build());
    }
}

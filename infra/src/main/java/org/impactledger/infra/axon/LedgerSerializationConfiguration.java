package org.impactledger.infra.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import org.impactledger.core.contract.Contract;
import org.impactledger.core.fund.Fund;
import org.impactledger.core.housing.Property;
import org.impactledger.core.nrrp.BankStatement;
import org.impactledger.core.nrrp.NrrpPlan;
import org.impactledger.core.nrrp.NrrpProject;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.impactledger.infra.messaging.SpreadCreators;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 settings for every Axon serializer (events, snapshots, messages, tokens).
 *
 * <ul>
 *   <li>Typed ids are written as strings ({@link IdentifierModule}).</li>
 *   <li>Metadata is read by {@link MetaDataReader}: Axon's reading, without a deserializer lookup per message.</li>
 *   <li>The ledger's records are constructed through a spreading method handle made once per class
 *       ({@link SpreadCreators}), not one made per event.</li>
 *   <li>Decimals (amounts, quantities, multiples) are written as JSON strings ({@code "4500.00"}):
 *       exact in every language that reads the store or an export, where a JSON number may be
 *       parsed into a binary floating point.</li>
 *   <li>State is read from fields only (never from getters such as {@code Money.isPositive()}), so
 *       the stored JSON is exactly the record components, and aggregates can be snapshotted without
 *       getters or annotations.</li>
 *   <li>Aggregates are restored from snapshots through their no-argument constructor
 *       ({@link AggregateSnapshotMixin}), never through a constructor that applies events.</li>
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
                // registered after Axon's module, so it takes the place of Axon's MetaData deserializer
                .addModule(new SimpleModule("ledger-metadata").addDeserializer(MetaData.class, new MetaDataReader()))
                .addModule(new SpreadCreators())
                .addMixIn(Fund.class, AggregateSnapshotMixin.class)
                .addMixIn(Contract.class, AggregateSnapshotMixin.class)
                .addMixIn(Property.class, AggregateSnapshotMixin.class)
                .addMixIn(org.impactledger.core.exchange.Issuer.class, AggregateSnapshotMixin.class)
                .addMixIn(org.impactledger.core.exchange.Instrument.class, AggregateSnapshotMixin.class)
                .addMixIn(org.impactledger.core.exchange.Account.class, AggregateSnapshotMixin.class)
                .addMixIn(NrrpProject.class, AggregateSnapshotMixin.class)
                .addMixIn(BankStatement.class, AggregateSnapshotMixin.class)
                .addMixIn(NrrpPlan.class, AggregateSnapshotMixin.class)
                .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .changeDefaultVisibility(v -> v.withFieldVisibility(JsonAutoDetect.Visibility.ANY)
                        .withGetterVisibility(JsonAutoDetect.Visibility.NONE)
                        .withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .build());
    }
}

package org.impactledger.infra.axon;

import java.util.List;
import java.util.function.Function;
import org.impactledger.core.shared.BeneficiaryId;
import org.impactledger.core.shared.BudgetId;
import org.impactledger.core.shared.ContractId;
import org.impactledger.core.shared.DataSubjectId;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.HouseholdId;
import org.impactledger.core.shared.InstrumentId;
import org.impactledger.core.shared.IssuerId;
import org.impactledger.core.shared.OfferingId;
import org.impactledger.core.shared.OrderId;
import org.impactledger.core.shared.LeaseId;
import org.impactledger.core.shared.PropertyId;
import org.impactledger.core.shared.NrrpProjectId;
import org.impactledger.core.shared.NrrpPlanId;
import org.impactledger.core.shared.BankStatementId;
import org.impactledger.core.shared.UnitId;
import org.impactledger.core.shared.Identifier;
import org.impactledger.core.shared.InvestorId;
import org.impactledger.core.shared.OutcomeId;
import org.impactledger.core.shared.PayerId;
import org.impactledger.core.shared.ProviderId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes the domain's typed identifiers as plain JSON strings ({@code "fundId":"fund-1"} rather
 * than {@code {"value":"fund-1"}}), so that the stored event shape stays flat and readable without
 * Jackson annotations in the domain module. Every {@link Identifier} type must be listed in
 * {@link #TYPES}; a test serializes each one.
 */
public class IdentifierModule extends SimpleModule {

    static final List<IdType<?>> TYPES = List.of(
            new IdType<>(FundId.class, FundId::new),
            new IdType<>(InvestorId.class, InvestorId::new),
            new IdType<>(ContractId.class, ContractId::new),
            new IdType<>(ProviderId.class, ProviderId::new),
            new IdType<>(PayerId.class, PayerId::new),
            new IdType<>(OutcomeId.class, OutcomeId::new),
            new IdType<>(BudgetId.class, BudgetId::new),
            new IdType<>(BeneficiaryId.class, BeneficiaryId::new),
            new IdType<>(PropertyId.class, PropertyId::new),
            new IdType<>(UnitId.class, UnitId::new),
            new IdType<>(LeaseId.class, LeaseId::new),
            new IdType<>(HouseholdId.class, HouseholdId::new),
            new IdType<>(IssuerId.class, IssuerId::new),
            new IdType<>(InstrumentId.class, InstrumentId::new),
            new IdType<>(OfferingId.class, OfferingId::new),
            new IdType<>(OrderId.class, OrderId::new),
            new IdType<>(NrrpProjectId.class, NrrpProjectId::new),
            new IdType<>(BankStatementId.class, BankStatementId::new),
            new IdType<>(NrrpPlanId.class, NrrpPlanId::new),
            new IdType<>(DataSubjectId.class, DataSubjectId::new));

    record IdType<T extends Identifier>(Class<T> type, Function<String, T> factory) {
    }

    public IdentifierModule() {
        super("impact-ledger-identifiers");
        addSerializer(Identifier.class, new ValueSerializer<Identifier>() {
            @Override
            public void serialize(Identifier value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.value());
            }
        });
        TYPES.forEach(this::register);
    }

    private <T extends Identifier> void register(IdType<T> idType) {
        addDeserializer(idType.type(), new ValueDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    return idType.factory().apply(p.getString());
                }
                // tolerate the object form {"value": "..."} as well
                String value = null;
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    p.nextToken();
                    if ("value".equals(name)) {
                        value = p.getString();
                    }
                }
                return idType.factory().apply(value);
            }
        });
    }
}

package org.impactledger.core.housing;

import java.util.concurrent.Callable;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.impactledger.core.fund.Fund;
import org.impactledger.core.housing.command.AcquireProperty;
import org.impactledger.core.housing.command.CollectRent;
import org.impactledger.core.housing.command.ReverseRentCollection;
import org.impactledger.core.housing.event.RentCollected;
import org.impactledger.core.housing.event.RentCollectionReversed;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.Repositories;
import org.impactledger.core.shared.FundId;
import org.impactledger.core.shared.Money;
import org.impactledger.core.shared.PropertyId;

/**
 * Handles the Homes4All commands that move the housing fund's money: acquiring a property (paid out
 * of the fund's cash), collecting rent (into the fund's cash) and reversing a collection (back out
 * of it). The property and the fund are changed in one unit of work, so a refusal by either side
 * (an unknown district, a price beyond the fund's cash, a collection beyond what is outstanding)
 * appends nothing at all, and the fund's cash always matches the properties' records.
 *
 * <p>The rules stay in the aggregates; this class only loads them and hands the property's facts to
 * the fund. Infra constructs it with the two repositories, as it does {@code OutcomePaymentHandler}.
 */
public class HousingFundHandler {

    private final Repository<Property> properties;
    private final Repository<Fund> funds;

    public HousingFundHandler(Repository<Property> properties, Repository<Fund> funds) {
        this.properties = properties;
        this.funds = funds;
    }

    /**
     * Acquires a property for a fund that exists (NOT_FOUND {@code fundId} otherwise), at a price in
     * the fund's currency, paid from its cash on the acquisition date.
     *
     * <p>A duplicate id is refused by loading the property first. Two acquisitions of the same id
     * racing each other are caught by the event store at commit (Axon's
     * {@code AggregateStreamCreationException}), which the API answers as {@code ALREADY_EXISTS}.
     *
     * @return the id of the new property
     */
    @CommandHandler
    public PropertyId handle(AcquireProperty command) {
        PropertyId propertyId = required(command.propertyId(), "propertyId");
        FundId fundId = required(command.fundId(), "fundId");
        refuseExistingProperty(propertyId);
        Aggregate<Fund> fund = loadFund(fundId);

        create(propertyId, () -> new Property(command));
        fund.execute(f -> f.payPropertyAcquisition(propertyId, command.acquisitionPrice(), command.acquiredOn(), command.nrrp(),
                command.bankReference()));
        return propertyId;
    }

    /** @return what remains outstanding for the month after this collection (the month's arrears) */
    @CommandHandler
    public Money handle(CollectRent command) {
        Aggregate<Property> property = loadProperty(command.propertyId());
        RentCollected collected = property.invoke(p -> p.collectRent(command));
        loadFund(property.invoke(Property::fundId)).execute(f -> f.receiveRentIncome(collected.propertyId(), collected.leaseId(),
                collected.collectionId(), collected.period(), collected.amount(), collected.paymentDate(), collected.bankReference()));
        return collected.outstanding();
    }

    /** @return what the month has outstanding again after the reversal */
    @CommandHandler
    public Money handle(ReverseRentCollection command) {
        Aggregate<Property> property = loadProperty(command.propertyId());
        RentCollectionReversed reversed = property.invoke(p -> p.reverseRentCollection(command));
        loadFund(property.invoke(Property::fundId)).execute(f -> f.reverseRentIncome(reversed.propertyId(), reversed.collectionId(),
                reversed.amount(), reversed.reason(), reversed.reversedOn()));
        return reversed.outstanding();
    }

    private void refuseExistingProperty(PropertyId propertyId) {
        Repositories.refuseExisting(properties, propertyId, "propertyId", "property");
    }

    private void create(PropertyId propertyId, Callable<Property> factory) {
        Repositories.create(properties, propertyId, "property", factory);
    }

    private Aggregate<Property> loadProperty(PropertyId propertyId) {
        return Repositories.load(properties, propertyId, "propertyId", "property");
    }

    private Aggregate<Fund> loadFund(FundId fundId) {
        return Repositories.load(funds, fundId, "fundId", "fund");
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }
}

package org.impactledger.core.housing;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.impactledger.core.housing.command.AcquireProperty;
import org.impactledger.core.housing.command.CollectRent;
import org.impactledger.core.housing.command.ReverseRentCollection;
import org.impactledger.core.housing.event.RentCollected;
import org.impactledger.core.housing.event.RentCollectionReversed;
import org.impactledger.core.shared.PropertyId;

/**
 * Test-only stand-in for {@link HousingFundHandler} without a fund: it drives the same property
 * constructor and public methods, so that the fixture can test every property rule of these
 * commands. What the fund does with the money is tested in {@code FundTest} and
 * {@link HousingFundHandlerTest}.
 */
final class PropertyFundForTest {

    private final Repository<Property> properties;

    PropertyFundForTest(Repository<Property> properties) {
        this.properties = properties;
    }

    @CommandHandler
    public PropertyId handle(AcquireProperty command) throws Exception {
        properties.newInstance(() -> new Property(command));
        return command.propertyId();
    }

    @CommandHandler
    public RentCollected handle(CollectRent command) {
        return properties.load(command.propertyId().value()).invoke(p -> p.collectRent(command));
    }

    @CommandHandler
    public RentCollectionReversed handle(ReverseRentCollection command) {
        return properties.load(command.propertyId().value()).invoke(p -> p.reverseRentCollection(command));
    }
}

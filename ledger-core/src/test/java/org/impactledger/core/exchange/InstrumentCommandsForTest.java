package org.impactledger.core.exchange;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.impactledger.core.exchange.command.CancelOffering;
import org.impactledger.core.exchange.command.CancelOrder;
import org.impactledger.core.exchange.command.CloseOffering;
import org.impactledger.core.exchange.command.DelistInstrument;
import org.impactledger.core.exchange.command.ListInstrument;
import org.impactledger.core.exchange.command.OpenOffering;
import org.impactledger.core.exchange.command.PayCoupon;
import org.impactledger.core.exchange.command.PayDividend;
import org.impactledger.core.exchange.command.PlaceOrder;
import org.impactledger.core.exchange.command.SubscribeToOffering;
import org.impactledger.core.shared.InstrumentId;

/**
 * Test-only stand-in for {@link ExchangeHandler} without accounts and issuers: it drives the same
 * public instrument methods with a {@link RecordingSettlement}, so that the fixture can test every
 * rule of the instrument.
 */
final class InstrumentCommandsForTest {

    private final Repository<Instrument> instruments;
    private final Settlement settlement;

    InstrumentCommandsForTest(Repository<Instrument> instruments, Settlement settlement) {
        this.instruments = instruments;
        this.settlement = settlement;
    }

    private Aggregate<Instrument> load(InstrumentId id) {
        return instruments.load(id.value());
    }

    @CommandHandler
    public InstrumentId handle(ListInstrument c) throws Exception {
        instruments.newInstance(() -> new Instrument(c, settlement));
        return c.instrumentId();
    }

    @CommandHandler
    public void handle(DelistInstrument c) {
        load(c.instrumentId()).execute(i -> i.delist(c, settlement));
    }

    @CommandHandler
    public void handle(OpenOffering c) {
        load(c.instrumentId()).execute(i -> i.openOffering(c, settlement));
    }

    @CommandHandler
    public void handle(SubscribeToOffering c) {
        load(c.instrumentId()).execute(i -> i.subscribe(c, settlement));
    }

    @CommandHandler
    public void handle(CloseOffering c) {
        load(c.instrumentId()).execute(i -> i.closeOffering(c, settlement));
    }

    @CommandHandler
    public void handle(CancelOffering c) {
        load(c.instrumentId()).execute(i -> i.cancelOffering(c, settlement));
    }

    @CommandHandler
    public OrderOutcome handle(PlaceOrder c) {
        return load(c.instrumentId()).invoke(i -> i.placeOrder(c, settlement));
    }

    @CommandHandler
    public void handle(CancelOrder c) {
        load(c.instrumentId()).execute(i -> i.cancelOrder(c, settlement));
    }

    @CommandHandler
    public void handle(PayDividend c) {
        load(c.instrumentId()).execute(i -> i.payDividend(c, settlement));
    }

    @CommandHandler
    public void handle(PayCoupon c) {
        load(c.instrumentId()).execute(i -> i.payCoupon(c, settlement));
    }
}

package org.impactledger.infra.axon;

import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * Makes every read model's processor stop at an event its handler cannot handle, instead of skipping it.
 *
 * <p>Axon's default for an exception thrown by an event handler is to log it and go on with the next
 * event (the {@code LoggingErrorHandler} as listener invocation error handler): the read model would
 * silently lack that event for good, while the others have it — a fund's state and its performance
 * report would disagree with nothing to show it but a log line. With Axon's
 * {@link PropagatingErrorHandler} as the default listener invocation error handler and the default
 * processor error handler, the exception reaches the tracking processor: it rolls the batch back (the
 * token does not move), releases its claim and tries again after a back-off that grows from one
 * second up to a minute. Nothing after the faulty event is applied to that read model meanwhile; the
 * health's {@code readModels} component shows it {@code retrying}, with the error; its lag grows.
 * Once the cause is removed (a database back, a corrected handler deployed) it resumes exactly there.
 *
 * <p>The defaults apply to every processing group; every processor of the ledger maintains a read model.
 */
public final class ReadModelErrorHandling {

    private ReadModelErrorHandling() {
    }

    /** Registers the propagating error handlers as the defaults of every processing group and processor. */
    public static void stopOnError(Configurer configurer) {
        configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}

package org.impactledger.projections.journal;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the {@code journal} processor stop at an entry that does not balance instead of skipping it.
 *
 * <p>Axon's default for an exception thrown by an event handler is to log it and go on with the
 * next event (the {@code LoggingErrorHandler} as listener invocation error handler): the journal
 * would lose the entry and still balance, which is the worst outcome for a ledger. With Axon's
 * {@link PropagatingErrorHandler} as both the listener invocation error handler of the processing
 * group and the error handler of its processor, the exception reaches the tracking processor; it
 * rolls the batch back (the token does not move), releases its claim and tries again after a back-off
 * that grows from one second up to a minute. So nothing after the faulty event is posted either,
 * and once the cause is removed (a corrected rule deployed) the processor resumes exactly there.
 */
@Configuration(proxyBeanMethods = false)
public class JournalProcessingConfiguration {

    @Bean
    public ConfigurerModule journalStopsOnError() {
        return JournalProcessingConfiguration::stopOnError;
    }

    /** Registers the propagating error handlers for the journal's processing group and processor (both named {@value JournalProjection#PROCESSING_GROUP}). */
    public static void stopOnError(Configurer configurer) {
        configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(JournalProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerErrorHandler(JournalProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}

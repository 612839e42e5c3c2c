package org.impactledger.infra.idempotency;

import java.time.Clock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.impactledger.infra.messaging.LedgerMetaData;

/**
 * Makes commands idempotent by their {@code commandId} metadata. Runs inside the unit of work's
 * transaction: it claims the id before the handler runs (a concurrent duplicate blocks on the
 * primary key and then fails, rolling back whatever it did) and stores the handler's result, so the
 * API can answer a retry with the first answer without dispatching it again.
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ProcessedCommands processedCommands;
    private final Clock clock;

    public IdempotencyInterceptor(ProcessedCommands processedCommands, Clock clock) {
        this.processedCommands = processedCommands;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object commandId = command.getMetaData().get(LedgerMetaData.COMMAND_ID);
        if (commandId == null) {
            return chain.proceed();
        }
        Object requestHash = command.getMetaData().get(LedgerMetaData.REQUEST_HASH);
        processedCommands.claim(commandId.toString(), requestHash == null ? null : requestHash.toString(),
                command.getCommandName(), clock.instant());
        Object result = chain.proceed();
        processedCommands.recordResult(commandId.toString(), result);
        return result;
    }
}

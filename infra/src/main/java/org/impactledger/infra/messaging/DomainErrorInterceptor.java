package org.impactledger.infra.messaging;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;

/**
 * Turns the domain's refusals into {@link CommandExecutionException}s with {@link DomainError}
 * details: the one shape that survives transport between nodes. The API maps them to problem
 * documents by code, never by message text.
 */
public class DomainErrorInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException e) {
            throw new CommandExecutionException(e.getMessage(), null, new DomainError(e.code().name(), e.field(), e.getMessage()));
        } catch (AggregateNotFoundException e) {
            String message = "no " + describe(unitOfWork.getMessage()) + " with id " + e.getAggregateIdentifier();
            throw new CommandExecutionException(message, null, new DomainError(ErrorCode.NOT_FOUND.name(), null, message));
        }
    }

    private static String describe(CommandMessage<?> command) {
        String name = command.getPayloadType().getPackageName();
        return name.substring(name.lastIndexOf("core.") + 5).replace(".command", "");
    }
}

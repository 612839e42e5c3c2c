package org.impactledger.api.web;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.impactledger.core.shared.DomainException;
import org.impactledger.core.shared.ErrorCode;
import org.impactledger.infra.idempotency.ProcessedCommand;
import org.impactledger.infra.idempotency.ProcessedCommands;
import org.impactledger.infra.messaging.LedgerMetaData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Sends commands with their who/why metadata and makes them idempotent by the request's
 * {@code Idempotency-Key}: a key already accepted answers with the first result and dispatches
 * nothing; the same key with a different command is refused with 409.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;
    private final ProcessedCommands processedCommands;

    public CommandDispatcher(CommandGateway commandGateway, ProcessedCommands processedCommands) {
        this.commandGateway = commandGateway;
        this.processedCommands = processedCommands;
    }

    /** The command handler's result, and whether it is the stored answer to an earlier identical request. */
    public record Dispatched(Object result, boolean replayed, String commandId) {
    }

    public Dispatched send(Object command, RequestContext context) {
        // the fingerprint only matters for a key the client may send again; without one the command id is new and never replayed
        String requestHash = context.idempotencyKey() != null ? hash(context.principal(), command) : null;
        String commandId = context.idempotencyKey() != null ? context.idempotencyKey() : UUID.randomUUID().toString();
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(LedgerMetaData.PRINCIPAL, context.principal());
        if (context.role() != null) {
            metaData.put(LedgerMetaData.ROLE, context.role());
        }
        metaData.put(LedgerMetaData.COMMAND_ID, commandId);
        metaData.put(LedgerMetaData.CORRELATION_ID, context.correlationId() != null ? context.correlationId() : commandId);
        metaData.put(LedgerMetaData.BUSINESS_DATE, context.businessDate().toString());
        if (requestHash != null) {
            metaData.put(LedgerMetaData.REQUEST_HASH, requestHash);
        }
        try {
            Object result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData)));
            return new Dispatched(result, false, commandId);
        } catch (AggregateStreamCreationException taken) {
            throw idTaken(command, taken);
        } catch (DuplicateKeyException race) {
            // the key was accepted before (a retry), or a concurrent request with it committed first: answer as it did.
            // The claim inside the command's transaction detects both, so the common case (a new key) needs no lookup first.
            return processedCommands.find(commandId).map(earlier -> replay(earlier, requestHash)).orElseThrow(() -> race);
        }
    }

    /**
     * A command that creates a record under an id the event store already holds (a second fund with
     * the same id, an issuer with a fund's id, or two creations at the same moment): 409 naming the
     * command's identifier field and the id, found through its {@code @TargetAggregateIdentifier}.
     */
    static DomainException idTaken(Object command, AggregateStreamCreationException cause) {
        if (command.getClass().isRecord()) {
            for (RecordComponent component : command.getClass().getRecordComponents()) {
                if (component.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    Object id;
                    try {
                        id = component.getAccessor().invoke(command);
                    } catch (ReflectiveOperationException e) {
                        break;
                    }
                    DomainException taken = new DomainException(ErrorCode.ALREADY_EXISTS, component.getName(),
                            component.getName() + " " + id + " is already the id of a record in the ledger (possibly created at the same moment)");
                    taken.initCause(cause);
                    return taken;
                }
            }
        }
        DomainException taken = new DomainException(ErrorCode.ALREADY_EXISTS, null,
                "a record with this id exists already (possibly created at the same moment)");
        taken.initCause(cause);
        return taken;
    }

    private Dispatched replay(ProcessedCommand earlier, String requestHash) {
        if (earlier.requestHash() != null && !earlier.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException(earlier.commandId());
        }
        return new Dispatched(processedCommands.resultOf(earlier), true, earlier.commandId());
    }

    /**
     * A stable fingerprint of the request: who sent it, the command's type and every value it carries.
     * The sender is part of it so that a key is one user's: another user sending the same key and the
     * same body is refused (409) instead of being answered with the first user's result, while
     * nothing of theirs ran and the events name the first user.
     */
    static String hash(String principal, Object command) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = digest.digest((principal + "\n" + command.getClass().getName() + ":" + command).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

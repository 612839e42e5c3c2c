package org.impactledger.infra.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command side's record of accepted command ids (table {@code processed_command}). A row is
 * written in the same transaction as the command's events, so either both exist or neither does;
 * the primary key makes a concurrent duplicate fail and roll back its events.
 */
public class ProcessedCommands {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    public ProcessedCommands(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public Optional<ProcessedCommand> find(String commandId) {
        return jdbc.sql("""
                        select command_id, request_hash, command_type, result_type, result_revision, result, recorded_at
                        from processed_command where command_id = ?""")
                .param(commandId)
                .query((rs, i) -> new ProcessedCommand(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .optional();
    }

    /**
     * Claims the command id; throws Spring's DuplicateKeyException when it was claimed already. A
     * claim by a transaction that has not committed yet makes this one wait for it (primary key),
     * then either claim (the other rolled back) or fail. {@code ON CONFLICT DO NOTHING} rather than
     * a failing insert, so a retry costs no failed statement (nor an error line in PostgreSQL's log);
     * the caller answers a retry from the stored row, so no lookup is needed before dispatching.
     */
    void claim(String commandId, String requestHash, String commandType, Instant now) {
        int claimed = jdbc.sql("""
                        insert into processed_command (command_id, request_hash, command_type, recorded_at) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(commandId, requestHash, commandType, Timestamp.from(now))
                .update();
        if (claimed == 0) {
            throw new DuplicateKeyException("command id " + commandId + " was claimed already");
        }
    }

    void recordResult(String commandId, Object result) {
        if (result == null) {
            return;
        }
        SerializedObject<String> serialized = serializer.serialize(result, String.class);
        jdbc.sql("update processed_command set result_type = ?, result_revision = ?, result = ? where command_id = ?")
                .params(serialized.getType().getName(), serialized.getType().getRevision(), serialized.getData(), commandId)
                .update();
    }

    /** The result the command handler returned the first time, or null. */
    public Object resultOf(ProcessedCommand command) {
        if (command.result() == null || command.resultType() == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(command.result(), String.class,
                new SimpleSerializedType(command.resultType(), command.resultRevision())));
    }
}

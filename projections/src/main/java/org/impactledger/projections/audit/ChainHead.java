package org.impactledger.projections.audit;

import static org.impactledger.projections.state.JdbcValues.instant;

import java.time.Instant;
import org.springframework.jdbc.core.RowMapper;

/**
 * Where the audit chain stands.
 *
 * @param headIndex           the highest global index accounted for, as a chained event or a passed gap
 * @param lastEventIndex      the highest chained event (0 while the chain is empty)
 * @param chainHash           that event's chain hash ({@link Hashes#GENESIS} while empty)
 * @param eventCount          chained events
 * @param gapCount            indexes recorded as permanently empty
 * @param lastCheckpointIndex the event covered by the newest signed checkpoint (0: none)
 * @param lastCheckpointAt    when it was signed
 */
public record ChainHead(long headIndex, long lastEventIndex, String chainHash, long eventCount, long gapCount,
                        long eventsSinceCheckpoint, long lastCheckpointIndex, Instant lastCheckpointAt, Instant updatedAt) {

    static final String SELECT = "SELECT head_index, last_event_index, chain_hash, event_count, gap_count, events_since_checkpoint, "
            + "last_checkpoint_index, last_checkpoint_at, updated_at FROM audit_chain_head WHERE id = 1";

    static final RowMapper<ChainHead> MAPPER = (rs, row) -> new ChainHead(rs.getLong("head_index"), rs.getLong("last_event_index"),
            rs.getString("chain_hash"), rs.getLong("event_count"), rs.getLong("gap_count"), rs.getLong("events_since_checkpoint"),
            rs.getLong("last_checkpoint_index"), instant(rs, "last_checkpoint_at"), instant(rs, "updated_at"));
}

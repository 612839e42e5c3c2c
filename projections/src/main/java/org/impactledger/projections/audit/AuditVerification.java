package org.impactledger.projections.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recomputes the audit chain from the event rows as they are now and compares it with what the
 * chain recorded and what the checkpoints signed, stopping at the first index that does not match.
 *
 * <p>Per index up to the chain head, in order: a chained event must still have its row, and that
 * row's recomputed event hash must equal the chained one (else the event changed; the stored
 * payload and metadata hashes tell which part); the chain hash recomputed from genesis must equal
 * the stored one (else the chain table itself was edited); a row the chain does not know, for
 * example at an index recorded as a permanent gap, is an insertion; an index that is neither chained
 * nor a gap means the chain lost a row. Each checkpoint's chain hash must equal the recomputed one,
 * and its signature must verify when it was signed with the current key.
 */
public class AuditVerification {

    private final JdbcClient jdbc;
    private final AuditSigner signer;
    private final int batch;

    public AuditVerification(JdbcClient jdbc, AuditSigner signer, AuditProperties properties) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.batch = properties.batchSize();
    }

    public VerificationReport verify() {
        ChainHead head = jdbc.sql(ChainHead.SELECT).query(ChainHead.MAPPER).single();
        long storeHead = jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry").query(Long.class).single();
        // the pages' event hashes and the checkpoints' signatures are computed while the pages are read,
        // on the walk's threads; the chain itself is recomputed here, in order
        ChainWalk walk = new ChainWalk(jdbc, batch, true, checkpoint -> checkpoint.keyId().equals(signer.keyId())
                ? signer.verifyCheckpoint(checkpoint.globalIndex(), checkpoint.chainHash(), checkpoint.signedAt(), checkpoint.signature())
                : null);
        Run run = new Run(walk);
        walk.walk(1, head.headIndex(), run::visit);
        if (run.mismatch == null && run.expected <= head.headIndex()) {
            run.mismatch = new VerificationReport.Mismatch(run.expected, null, MismatchReason.CHAIN_INCOMPLETE,
                    "global index " + run.expected + " is neither a chained event nor a recorded gap");
        }
        if (run.mismatch == null && !Hashes.isHexOf(head.chainHash(), run.chainHashBytes)) {
            run.mismatch = new VerificationReport.Mismatch(head.lastEventIndex(), null, MismatchReason.CHAIN_ALTERED,
                    "the head's chain hash " + head.chainHash() + " differs from the recomputed " + Hashes.hex(run.chainHashBytes));
        }
        return new VerificationReport(run.mismatch == null, run.events, run.gaps, run.checkpointsVerified, run.otherKeys,
                head.lastEventIndex(), head.chainHash(), storeHead, run.mismatch);
    }

    /**
     * One verification's walk, on the caller's thread. The recomputed chain hash is kept raw and compared
     * with the stored hex texts as they are ({@link Hashes#isHexOf}); it is written as hex only for a
     * mismatch's detail. The run chains with a digest of its own, not the thread's: the caller is a
     * request thread, whose many thread-locals made each lookup a search (a million per verification).
     */
    private final class Run {
        private final ChainWalk walk;
        private final MessageDigest sha256 = Hashes.newSha256();
        long expected = 1;
        byte[] chainHashBytes = Hashes.raw(Hashes.GENESIS);
        long events;
        long gaps;
        long checkpointsVerified;
        long otherKeys;
        VerificationReport.Mismatch mismatch;

        Run(ChainWalk walk) {
            this.walk = walk;
        }

        boolean visit(ChainWalk.Position p) {
            long index = p.globalIndex();
            if (index > expected) {
                return stop(expected, null, MismatchReason.CHAIN_INCOMPLETE,
                        "global index " + expected + " is neither a chained event nor a recorded gap");
            }
            expected = index + 1;
            ChainWalk.Chained chained = p.chained();
            StoredEvent.Hashed stored = p.hashed();
            if (chained != null) {
                if (stored == null) {
                    chained = walk.chainRow(index);
                    return stop(index, chained.eventIdentifier(), MismatchReason.EVENT_DELETED,
                            "the chained event " + chained.eventIdentifier() + " (" + chained.payloadType() + ") is no longer in the event store");
                }
                byte[] eventHashBytes = stored.eventHash();
                if (!Hashes.isHexOf(chained.eventHash(), eventHashBytes)) {
                    chained = walk.chainRow(index);
                    return stop(index, stored.eventIdentifier(), MismatchReason.EVENT_CHANGED, "event hash " + Hashes.hex(eventHashBytes)
                            + " differs from the chained " + chained.eventHash() + ": " + String.join(", ", changes(chained, walk.storedRow(index))));
                }
                chainHashBytes = Hashes.chain(sha256, chainHashBytes, eventHashBytes);
                if (!Hashes.isHexOf(chained.chainHash(), chainHashBytes)) {
                    return stop(index, stored.eventIdentifier(), MismatchReason.CHAIN_ALTERED,
                            "stored chain hash " + chained.chainHash() + " differs from the recomputed " + Hashes.hex(chainHashBytes));
                }
                events++;
            } else if (stored != null) {
                return stop(index, stored.eventIdentifier(), MismatchReason.EVENT_INSERTED, p.gap() != null
                        ? "a row appeared at an index recorded as permanently empty at " + p.gap().passedAt()
                        : "a row inside the chained range that the chain does not contain");
            } else if (p.gap() != null) {
                gaps++;
            }
            ChainWalk.Checkpoint checkpoint = p.checkpoint();
            if (checkpoint != null && chained == null) {
                return stop(index, null, MismatchReason.CHAIN_INCOMPLETE, "a checkpoint at an index that is not a chained event");
            }
            if (checkpoint != null) {
                if (!Hashes.isHexOf(checkpoint.chainHash(), chainHashBytes)) {
                    return stop(index, stored.eventIdentifier(), MismatchReason.CHECKPOINT_MISMATCH,
                            "the checkpoint signed at " + checkpoint.signedAt() + " holds chain hash " + checkpoint.chainHash()
                                    + ", the recomputed chain has " + Hashes.hex(chainHashBytes));
                }
                if (checkpoint.keyId().equals(signer.keyId())) {
                    boolean signatureValid = p.signatureValid() != null ? p.signatureValid()
                            : signer.verifyCheckpoint(checkpoint.globalIndex(), checkpoint.chainHash(), checkpoint.signedAt(), checkpoint.signature());
                    if (!signatureValid) {
                        return stop(index, stored.eventIdentifier(), MismatchReason.CHECKPOINT_SIGNATURE_INVALID,
                                "the signature of the checkpoint signed at " + checkpoint.signedAt() + " does not verify");
                    }
                    checkpointsVerified++;
                } else {
                    otherKeys++;
                }
            }
            return true;
        }

        private boolean stop(long index, String eventIdentifier, MismatchReason reason, String detail) {
            mismatch = new VerificationReport.Mismatch(index, eventIdentifier, reason, detail);
            return false;
        }
    }

    /** Which stored parts differ; the chain keeps hashes of payload and metadata for exactly this. */
    private static List<String> changes(ChainWalk.Chained chained, StoredEvent stored) {
        List<String> changes = new ArrayList<>();
        if (stored == null) {
            changes.add("the row was deleted while it was being verified");
            return changes;
        }
        if (!Objects.equals(chained.eventIdentifier(), stored.eventIdentifier())) {
            changes.add("event_identifier changed (was " + chained.eventIdentifier() + ")");
        }
        if (!Objects.equals(chained.aggregateIdentifier(), stored.aggregateIdentifier())) {
            changes.add("aggregate_identifier changed (was " + chained.aggregateIdentifier() + ")");
        }
        if (chained.sequenceNumber() != stored.sequenceNumber()) {
            changes.add("sequence_number changed (was " + chained.sequenceNumber() + ")");
        }
        if (!Objects.equals(chained.payloadType(), stored.payloadType())) {
            changes.add("payload_type changed (was " + chained.payloadType() + ")");
        }
        if (!Objects.equals(chained.payloadSha256(), Hashes.sha256Hex(stored.payload()))) {
            changes.add("payload changed");
        }
        if (!Objects.equals(chained.metaDataSha256(), Hashes.sha256HexOrNull(stored.metaData()))) {
            changes.add("metadata changed");
        }
        if (changes.isEmpty()) {
            changes.add("type, time_stamp or payload_revision changed");
        }
        return changes;
    }
}

package org.impactledger.projections.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail ({@code ledger.audit.*}).
 *
 * @param enabled              run the chain builder on a schedule (on-demand builds work either way)
 * @param interval             pause between two scheduled builder runs
 * @param gapTimeout           how long a missing global index must stay missing before the builder
 *                             records it as permanently empty and passes it. It must exceed the
 *                             longest write transaction: a row committed after its gap was passed
 *                             shows up in verification as an insertion.
 * @param batchSize            event rows read (and chained in one transaction) per step
 * @param checkpointEvery      sign a checkpoint after this many chained events
 * @param checkpointInterval   at the end of a run that chained events, sign a checkpoint at the head
 *                             if the newest checkpoint is at least this old; this bounds how long
 *                             the newest events stay unsigned on a quiet ledger
 * @param signingKey           Ed25519 private key, base64 of its PKCS#8 encoding
 * @param signingKeyFile       path of a PEM file ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8) holding
 *                             the Ed25519 private key; used when {@code signingKey} is empty. With
 *                             neither, an ephemeral key is generated at start (see {@link AuditSigner}).
 */
@ConfigurationProperties("ledger.audit")
public record AuditProperties(Boolean enabled, Duration interval, Duration gapTimeout, Integer batchSize,
                              Integer checkpointEvery, Duration checkpointInterval, String signingKey,
                              String signingKeyFile) {

    public AuditProperties {
        enabled = enabled == null || enabled;
        interval = positive(interval, Duration.ofSeconds(1), "interval");
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(10) : gapTimeout;
        if (gapTimeout.isNegative()) {
            throw new IllegalArgumentException("ledger.audit.gap-timeout must not be negative");
        }
        batchSize = batchSize == null ? 500 : batchSize;
        checkpointEvery = checkpointEvery == null ? 1000 : checkpointEvery;
        if (batchSize < 1 || checkpointEvery < 1) {
            throw new IllegalArgumentException("ledger.audit.batch-size and checkpoint-every must be at least 1");
        }
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(1) : checkpointInterval;
        if (checkpointInterval.isNegative()) {
            throw new IllegalArgumentException("ledger.audit.checkpoint-interval must not be negative");
        }
    }

    /** The defaults, for tests and tools that build the audit classes by hand. */
    public static AuditProperties defaults() {
        return new AuditProperties(null, null, null, null, null, null, null, null);
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("ledger.audit." + name + " must be positive");
        }
        return value;
    }
}

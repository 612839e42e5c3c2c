package org.impactledger.projections.audit;

/**
 * A signed checkpoint as published: the ledger's Ed25519 signature over
 * {@code impact-ledger-checkpoint:v1:<globalIndex>:<chainHash>:<signedAt>}.
 *
 * @param globalIndex the last chained event the checkpoint covers
 * @param eventCount  chained events up to and including it
 * @param signedAt    the exact ISO-8601 text that was signed
 * @param keyId       SHA-256 (hex) of the signing key's SubjectPublicKeyInfo
 * @param signature   base64
 */
public record CheckpointView(long globalIndex, String chainHash, long eventCount, String signedAt, String algorithm, String keyId,
                             String signature, String signedText) {
}

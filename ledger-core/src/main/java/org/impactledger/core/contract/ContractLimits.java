package org.impactledger.core.contract;

/**
 * Capacity limits of a contract, injected into its command handlers (a Spring bean in the
 * application, a registered resource in fixtures).
 *
 * <p>{@code maxOutcomes}: the most outcomes one contract records. The contract keeps every outcome in
 * memory while it decides (about 390 bytes each, measured at 240,000 outcomes), so its size has to stay well inside the heap: a
 * contract larger than the heap could never be loaded again and would stop every command on it. A
 * report beyond the limit is refused with {@code LIMIT_EXCEEDED}; nothing is recorded.
 */
public record ContractLimits(int maxOutcomes) {

    /** The default: 250,000 outcomes per contract, about 100 MB of heap while the contract is loaded. */
    public static final int DEFAULT_MAX_OUTCOMES = 250_000;

    public ContractLimits {
        if (maxOutcomes < 1) {
            throw new IllegalArgumentException("maxOutcomes must be at least 1, was " + maxOutcomes);
        }
    }

    public static ContractLimits defaults() {
        return new ContractLimits(DEFAULT_MAX_OUTCOMES);
    }
}

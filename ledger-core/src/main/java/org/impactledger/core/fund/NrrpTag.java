package org.impactledger.core.fund;

/**
 * Marks money as funded by the National Recovery and Resilience Plan: the project's CUP and the
 * measure code (in any of the national open-data forms, e.g. M5C2I1.3, M5C2I1.03 or M5C2I1.03.00).
 */
public record NrrpTag(String cup, String measure) {
}

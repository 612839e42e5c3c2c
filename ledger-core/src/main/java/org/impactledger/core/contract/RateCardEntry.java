package org.impactledger.core.contract;

import java.util.List;
import org.impactledger.core.shared.Money;

/**
 * One line of a contract's rate card: the price paid per verified unit of an outcome metric, the
 * SDG targets (codes such as {@code 1.2} or {@code 11.1}) the metric serves, and how often it may
 * be paid per beneficiary.
 */
public record RateCardEntry(String metricCode, String description, Money unitPrice, List<String> sdgTargets, PaymentRule rule) {
    public RateCardEntry {
        sdgTargets = sdgTargets == null ? List.of() : List.copyOf(sdgTargets);
    }
}

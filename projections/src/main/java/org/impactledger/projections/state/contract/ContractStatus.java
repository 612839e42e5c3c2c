package org.impactledger.projections.state.contract;

/** Whether a contract still accepts outcomes. */
public enum ContractStatus {
    OPEN,
    CLOSED
}

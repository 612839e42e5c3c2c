package org.impactledger.infra.axon;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Jackson mix-in for event-sourced aggregates: restore a snapshot through the no-argument
 * constructor and fill the fields. Without it Jackson may pick a constructor that takes named
 * parameters (such as the one that signs a contract) and fail. Kept here, so the domain needs
 * no Jackson annotation.
 */
abstract class AggregateSnapshotMixin {

    @JsonCreator
    AggregateSnapshotMixin() {
    }
}

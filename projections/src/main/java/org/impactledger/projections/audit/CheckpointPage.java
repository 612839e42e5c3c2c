package org.impactledger.projections.audit;

import java.util.List;
import org.impactledger.projections.state.Page;

/** A page of checkpoints, oldest first. */
public record CheckpointPage(List<CheckpointView> items, int page, int size, long total) implements Page<CheckpointView> {
}

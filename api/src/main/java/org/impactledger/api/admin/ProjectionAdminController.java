package org.impactledger.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.impactledger.projections.rebuild.ProjectionRebuilds;
import org.impactledger.projections.rebuild.ProjectionStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-model administration: status of every projection, and rebuilds from the event store. */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Administration")
public class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;

    public ProjectionAdminController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @Operation(summary = "Every read model: position, head of the event store, events behind, rebuild progress")
    public List<ProjectionStatus> all() {
        return rebuilds.statuses();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One read model's status")
    public ProjectionStatus one(@PathVariable String name) {
        return rebuilds.status(name);
    }

    /**
     * Rebuilds several read models together (all without {@code names}): they are started at the same
     * moment and read the event store once, side by side, instead of each on its own.
     */
    @PostMapping("/rebuild")
    @Operation(summary = "Empty these read models (every one without names) and rebuild them together from the event store, reading it "
            + "once; returns at once (202), follow with GET")
    public ResponseEntity<List<ProjectionStatus>> rebuildTogether(
            @Parameter(description = "read-model names separated by commas, or all; every read model when absent") @RequestParam(required = false) String names) {
        // an unknown name is refused before anything is reset
        List<String> requested = names == null ? rebuilds.names() : rebuilds.named(names);
        return ResponseEntity.accepted().header("Location", "/api/admin/projections").body(rebuilds.rebuild(requested));
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Empty the read model and rebuild it from the event store; returns at once (202), follow with GET")
    public ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        ProjectionStatus status = rebuilds.rebuild(name);
        return ResponseEntity.accepted().header("Location", "/api/admin/projections/" + name).body(status);
    }
}

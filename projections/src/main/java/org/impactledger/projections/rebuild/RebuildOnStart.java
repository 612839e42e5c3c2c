package org.impactledger.projections.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The command-line switch: {@code --ledger.rebuild=all} (or a comma-separated list of read-model
 * names) rebuilds those read models once the application has started, logging progress every
 * few seconds until each has caught up. The application keeps serving while it runs.
 */
@Component
public class RebuildOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildOnStart.class);

    private final ProjectionRebuilds rebuilds;
    private final String requested;

    public RebuildOnStart(ProjectionRebuilds rebuilds, @Value("${ledger.rebuild:}") String requested) {
        this.rebuilds = rebuilds;
        this.requested = requested;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (requested == null || requested.isBlank()) {
            return;
        }
        List<String> names = rebuilds.named(requested);
        rebuilds.rebuild(names); // together, so that they read the event store once; an unknown name is refused first
        List<String> pending = new ArrayList<>(names);
        long started = System.nanoTime();
        while (!pending.isEmpty()) {
            Thread.sleep(2000);
            pending.removeIf(name -> {
                ProjectionStatus status = rebuilds.status(name);
                log.info("Rebuild of {}: position {} of {} ({}%)", name, status.position(), status.head(),
                        status.progress() == null ? "?" : Math.round(status.progress() * 100));
                return rebuilds.caughtUp(name);
            });
        }
        log.info("Rebuilt {} in {} ms", names, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}

package org.unionledger.query.audit.checkpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.unionledger.platform.audit.CheckpointStore;
import org.unionledger.platform.audit.StoredEvent;
import org.unionledger.platform.audit.StoredEvents;
import org.unionledger.platform.audit.StreamHeads;

import java.time.Clock;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Takes a stream-head checkpoint every {@code unionledger.audit.checkpoint-interval} (default 5 minutes) when new
 * events were stored. Each run checkpoints up to the head seen by the run before it, so every event at or below that
 * position has long been committed (the JDBC store's positions are handed out before commit). The heads are kept
 * in memory and advanced incrementally; after a restart the first run reads the store once from the start.
 */
@Component
class CheckpointJob {

    private static final Logger log = LoggerFactory.getLogger(CheckpointJob.class);
    static final int RETAINED = 24;

    private final StoredEvents store;
    private final CheckpointStore checkpoints;
    private final Clock clock;
    private final StreamHeads heads = new StreamHeads();
    private long headSeenLastRun = -1;

    CheckpointJob(StoredEvents store, CheckpointStore checkpoints, Clock clock) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${unionledger.audit.checkpoint-interval:PT5M}",
               fixedDelayString = "${unionledger.audit.checkpoint-interval:PT5M}")
    synchronized void run() {
        try {
            long target = headSeenLastRun;
            headSeenLastRun = store.headPosition();
            if (target <= heads.position()) {
                return;
            }
            try (Stream<StoredEvent> events = store.after(heads.position())) {
                for (Iterator<StoredEvent> it = events.iterator(); it.hasNext(); ) {
                    StoredEvent event = it.next();
                    if (event.position() > target) {
                        break;
                    }
                    heads.advance(event);
                }
            }
            checkpoints.save(heads.checkpoint(target, clock.instant()));
            checkpoints.retain(RETAINED);
        } catch (RuntimeException e) {
            // The next run tries again; a missed checkpoint weakens the evidence but loses nothing.
            log.warn("Could not take an audit checkpoint: {}", e.toString());
        }
    }
}

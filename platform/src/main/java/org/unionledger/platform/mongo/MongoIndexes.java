package org.unionledger.platform.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Creates every declared index in the background, and again every few seconds until MongoDB accepts them all, so
 * that an unreachable MongoDB neither blocks nor fails startup.
 */
public class MongoIndexes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MongoIndexes.class);
    private static final long RETRY_SECONDS = 5;

    private final MongoDatabase database;
    private final List<IndexDeclaration> declarations;
    private volatile ScheduledExecutorService executor;
    private volatile boolean created;

    public MongoIndexes(MongoDatabase database, List<IndexDeclaration> declarations) {
        this.database = database;
        this.declarations = List.copyOf(declarations);
    }

    /** Whether every declared index exists; false while MongoDB has not been reached yet. */
    public boolean created() {
        return created;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mongo-indexes");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::createOrRetry);
    }

    private void createOrRetry() {
        try {
            for (IndexDeclaration index : declarations) {
                database.getCollection(index.collection()).createIndex(index.keys(), index.options());
            }
            created = true;
            log.info("{} MongoDB indexes are in place", declarations.size());
        } catch (MongoException e) {
            log.warn("Cannot create MongoDB indexes yet ({}); retrying in {} s", e.getMessage(), RETRY_SECONDS);
            ScheduledExecutorService current = executor;
            if (current != null && !current.isShutdown()) {
                current.schedule(this::createOrRetry, RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // Early, so the unique token index usually exists before Axon's event processors start.
        return Integer.MIN_VALUE + 1000;
    }
}

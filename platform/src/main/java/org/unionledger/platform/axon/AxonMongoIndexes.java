package org.unionledger.platform.axon;

import com.mongodb.MongoException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Creates the indexes that Axon's Mongo token store, saga store and dead-letter queue rely on, in the background
 * and again every few seconds until MongoDB accepts them, so that an unreachable MongoDB neither blocks nor fails
 * startup. The unique token index is what keeps two nodes from claiming the same segment twice.
 */
public class AxonMongoIndexes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AxonMongoIndexes.class);
    private static final long RETRY_SECONDS = 5;

    private final MongoTemplate template;
    private volatile ScheduledExecutorService executor;
    private volatile boolean created;

    public AxonMongoIndexes(MongoTemplate template) {
        this.template = template;
    }

    /** Whether every index exists; false while MongoDB has not been reached yet. */
    public boolean created() {
        return created;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "axon-mongo-indexes");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::createOrRetry);
    }

    private void createOrRetry() {
        try {
            template.trackingTokensCollection().createIndex(
                    Indexes.ascending("processorName", "segment"), new IndexOptions().unique(true));
            template.sagaCollection().createIndex(
                    Indexes.ascending("sagaType", "associations.key", "associations.value"));
            template.deadLetterCollection().createIndex(
                    Indexes.ascending("processingGroup", "sequenceIdentifier", "index"));
            created = true;
            log.info("Axon's MongoDB indexes are in place");
        } catch (MongoException e) {
            log.warn("Cannot create Axon's MongoDB indexes yet ({}); retrying in {} s", e.getMessage(), RETRY_SECONDS);
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
        // Before Axon's event processors (which start late) so the unique token index usually exists first.
        return Integer.MIN_VALUE + 1000;
    }
}

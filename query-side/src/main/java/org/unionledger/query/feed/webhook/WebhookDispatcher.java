package org.unionledger.query.feed.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.unionledger.query.feed.FeedProperties;
import org.unionledger.query.feed.FeedReader;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the feed to every active subscription, in feed order, one event at a time, at least once. The position
 * is stored after each acknowledged delivery, so a restart resumes where delivery stopped (the event in flight is
 * sent again: receivers drop duplicates by its {@code id}). A failure waits an exponential backoff with jitter; after
 * the configured number of attempts the delivery is parked and the subscription paused. A lease on each
 * subscription keeps two query-side nodes from delivering the same subscription at once.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int WORKERS = 4;

    private final WebhookStore store;
    private final FeedReader reader;
    private final WebhookSender sender;
    private final ObjectMapper json;
    private final FeedProperties.Webhooks settings;
    private final Clock clock = Clock.systemUTC();
    private final String node = UUID.randomUUID().toString();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService workers;

    WebhookDispatcher(WebhookStore store, FeedReader reader, WebhookSender sender, ObjectMapper json,
                      FeedProperties properties) {
        this.store = store;
        this.reader = reader;
        this.sender = sender;
        this.json = json;
        this.settings = properties.webhooks();
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        AtomicInteger serial = new AtomicInteger();
        workers = Executors.newFixedThreadPool(WORKERS, runnable -> daemon(runnable, "webhook-delivery-" + serial.incrementAndGet()));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "webhook-scheduler"));
        long interval = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private void round() {
        try {
            ExecutorService pool = workers;
            for (Subscription subscription : store.due(clock.instant())) {
                if (pool != null && inFlight.add(subscription.id())) {
                    pool.execute(() -> {
                        try {
                            Instant now = clock.instant();
                            if (store.claim(subscription.id(), node, now, now.plus(settings.lease()))) {
                                deliver(subscription);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            log.warn("Webhook delivery for subscription {} failed; retrying next round", subscription.id(), e);
                        } finally {
                            inFlight.remove(subscription.id());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            // MongoDB away, for instance: the next round tries again.
            log.warn("Cannot look for due webhook deliveries: {}", e.toString());
        }
    }

    private void deliver(Subscription subscription) throws InterruptedException {
        FeedReader.Batch batch = reader.read(subscription.position(), settings.batchSize(), new HashSet<>(subscription.types()));
        long position = subscription.position();
        int attempts = subscription.attempts();
        for (FeedReader.Entry entry : batch.entries()) {
            Instant now = clock.instant();
            if (Thread.currentThread().isInterrupted() || !store.claim(subscription.id(), node, now, now.plus(settings.lease()))) {
                return; // stopping, or the lease went to another node: it continues from the stored position
            }
            byte[] body = body(entry);
            WebhookSender.Outcome outcome = sender.send(subscription.id(), subscription.targetUrl(), subscription.secret(),
                    attempts + 1, body);
            if (outcome.delivered()) {
                if (!store.advance(subscription.id(), position, entry.position())) {
                    return; // paused, reset or deleted meanwhile: the next round starts from what is stored
                }
                position = entry.position();
                attempts = 0;
                continue;
            }
            attempts++;
            if (attempts >= settings.maxAttempts()) {
                log.warn("Parking webhook delivery of position {} to subscription {} after {} attempts: {}",
                        entry.position(), subscription.id(), attempts, outcome.error());
                store.park(new ParkedDelivery(subscription.id(), entry.position(), entry.event().getId(),
                        entry.event().getType(), new String(body, StandardCharsets.UTF_8), attempts, outcome.error(),
                        clock.instant()), position);
            } else {
                store.failed(subscription.id(), position, attempts, clock.instant().plus(backoff(attempts)), outcome.error());
            }
            return;
        }
        if (batch.next() > position) {
            // Events the type filter left out: step over them so the next read starts after them.
            store.advance(subscription.id(), position, batch.next());
        }
    }

    /** Exponential backoff with "equal jitter": half the doubled delay, plus a random part up to the other half. */
    Duration backoff(int attempts) {
        long initial = settings.initialBackoff().toMillis();
        long capped = Math.min(settings.maxBackoff().toMillis(), initial << Math.min(attempts - 1, 30));
        long half = Math.max(1, capped / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private byte[] body(FeedReader.Entry entry) {
        try {
            return json.writeValueAsBytes(entry.event());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a CloudEvent", e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService currentScheduler = scheduler;
        ExecutorService currentWorkers = workers;
        scheduler = null;
        workers = null;
        if (currentScheduler == null) {
            return;
        }
        currentScheduler.shutdownNow();
        currentWorkers.shutdownNow();
        try {
            currentWorkers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.releaseLeases(node);
        } catch (RuntimeException e) {
            log.warn("Could not release webhook leases; they expire after {}", settings.lease());
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}

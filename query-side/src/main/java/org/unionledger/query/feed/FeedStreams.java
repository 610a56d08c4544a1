package org.unionledger.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.unionledger.platform.web.ApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live feed streams as server-sent events. Each stream has its own thread that reads one page at a time and writes
 * it with blocking sends: a slow consumer slows only its own thread, and what waits for it in memory is at most one
 * page, never a growing queue. The number of streams is bounded; each lasts at most the stream timeout, after which
 * the client reconnects with {@code Last-Event-ID}.
 */
@Component
class FeedStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);

    private final FeedReader reader;
    private final ObjectMapper json;
    private final FeedProperties properties;
    private final Semaphore slots;
    private final ExecutorService threads;

    FeedStreams(FeedReader reader, ObjectMapper json, FeedProperties properties) {
        this.reader = reader;
        this.json = json;
        this.properties = properties;
        this.slots = new Semaphore(properties.maxStreams());
        AtomicInteger serial = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "feed-stream-" + serial.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a stream of the events after {@code after}, of the given types (all when empty). */
    SseEmitter open(long after, Set<String> types) {
        if (!slots.tryAcquire()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "TOO_MANY_STREAMS", null,
                    "The feed serves " + properties.maxStreams() + " live streams at most; try again later or page with GET /api/feed");
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        AtomicBoolean open = new AtomicBoolean(true);
        emitter.onCompletion(() -> open.set(false));
        emitter.onTimeout(() -> open.set(false));
        emitter.onError(error -> open.set(false));
        try {
            threads.execute(() -> {
                try {
                    pump(emitter, open, after, types);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        return emitter;
    }

    private void pump(SseEmitter emitter, AtomicBoolean open, long after, Set<String> types) {
        long position = after;
        long heartbeatNanos = properties.heartbeatInterval().toNanos();
        long lastWrite = System.nanoTime();
        try {
            // A first comment tells the client the stream is up before any event exists.
            emitter.send(SseEmitter.event().comment("feed from " + position).reconnectTime(1000));
            while (open.get() && !Thread.currentThread().isInterrupted()) {
                FeedReader.Batch batch = reader.read(position, properties.defaultPageSize(), types);
                for (FeedReader.Entry entry : batch.entries()) {
                    emitter.send(SseEmitter.event().id(Long.toString(entry.position())).data(toJson(entry)));
                }
                position = batch.next();
                if (!batch.entries().isEmpty()) {
                    lastWrite = System.nanoTime();
                } else {
                    if (System.nanoTime() - lastWrite >= heartbeatNanos) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                        lastWrite = System.nanoTime();
                    }
                    sleep(properties.streamPollInterval());
                }
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away (or the emitter completed): nothing to clean up beyond our own slot.
            log.debug("Feed stream ended at position {}: {}", position, e.toString());
        } catch (RuntimeException e) {
            log.warn("Feed stream failed at position {}", position, e);
            emitter.completeWithError(e);
            return;
        }
        emitter.complete();
    }

    private String toJson(FeedReader.Entry entry) {
        try {
            return json.writeValueAsString(entry.event());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}

package org.unionledger.query.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.platform.audit.StoredEvents;
import org.unionledger.platform.web.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operators' view and levers of the query side's event processors: where each one is against the head (by position
 * and by time), how far a replay has come, how many dead letters wait; reset (rebuild from the first event) and
 * retry of dead letters after a fix.
 */
@RestController
@RequestMapping(path = "/api/operations/processors", produces = MediaType.APPLICATION_JSON_VALUE)
class ProcessorOperations {

    private static final Duration RESTART_WAIT = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final Map<String, Object> resetLocks = new ConcurrentHashMap<>();
    private final StoredEvents store;

    ProcessorOperations(EventProcessingConfiguration processing, StoredEvents store) {
        this.processing = processing;
        this.store = store;
    }

    /**
     * @param position         the lowest position over the segments this node holds (-1 before the first event;
     *                         null when this node holds none: another node processes, and reports, them)
     * @param lagEvents        head position minus position (an upper bound: the JDBC store's positions have gaps)
     * @param lagMillis        time between the event at the processor's position and the newest event
     * @param replayPercent    while replaying, how far the replay has come; null otherwise
     * @param deadLetters      event sequences parked in its dead-letter queue
     */
    record ProcessorStatus(String name, boolean running, boolean replaying, boolean error, Long position,
                           long headPosition, Long lagEvents, Long lagMillis, Double replayPercent,
                           Long deadLetters, int segments) {
    }

    @GetMapping
    List<ProcessorStatus> all() {
        long head = store.headPosition();
        Optional<Instant> headTime = store.timestampAt(head);
        List<ProcessorStatus> statuses = new ArrayList<>();
        new TreeMap<>(processing.eventProcessors()).forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                statuses.add(status(name, streaming, head, headTime));
            }
        });
        return statuses;
    }

    @GetMapping("/{name}")
    ProcessorStatus one(@PathVariable String name) {
        long head = store.headPosition();
        return status(name, processor(name), head, store.timestampAt(head));
    }

    /** Stops the processor, resets its tokens to the start (its reset handlers clear its read model) and restarts. */
    @PostMapping("/{name}/reset")
    ResponseEntity<ProcessorStatus> reset(@PathVariable String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new ApiException(HttpStatus.CONFLICT, "RESET_NOT_SUPPORTED", null, "Processor " + name + " cannot be reset");
        }
        // Two operators resetting the same processor at once must not interleave stop, reset and start; resets of
        // different processors do not wait for each other.
        synchronized (resetLocks.computeIfAbsent(name, processorName -> new Object())) {
            processor.shutDown();
            try {
                processor.resetTokens();
            } finally {
                processor.start(); // also when the reset failed: the processor carries on from where it was
                awaitSegment(processor);
            }
        }
        return ResponseEntity.accepted().body(one(name));
    }

    /**
     * Waits until the restarted processor holds a segment again, for at most {@link #RESTART_WAIT} (another node
     * may have claimed them all). Axon's {@code start()} returns before its launcher thread has claimed anything, and
     * a {@code shutDown()} in that window (the next reset) left the processor "running" with no segment and no
     * thread to claim one: four resets sent at once stalled the projection that way until the next restart.
     */
    private static void awaitSegment(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + RESTART_WAIT.toNanos();
        while (processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    record RetryResult(String name, int retried, long deadLettersLeft) {
    }

    /** Retries every parked sequence once (after a fix); sequences that fail again stay parked. */
    @PostMapping("/{name}/dead-letters/retry")
    RetryResult retryDeadLetters(@PathVariable String name) {
        processor(name);
        SequencedDeadLetterProcessor<?> retrier = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> ApiException.notFound("NO_DEAD_LETTER_QUEUE", "Processor " + name + " has no dead-letter queue"));
        long parked = deadLetters(name).orElse(0L);
        int retried = 0;
        for (long i = 0; i < parked; i++) {
            // false when the sequence tried failed again (it stays parked): the others still get their turn
            if (retrier.processAny()) {
                retried++;
            }
        }
        return new RetryResult(name, retried, deadLetters(name).orElse(0L));
    }

    private ProcessorStatus status(String name, StreamingEventProcessor processor, long head, Optional<Instant> headTime) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = segments.values().stream()
                                .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
        // Axon keeps a segment "replaying" until it sees an event beyond the head at reset; once it has reached
        // that head the rebuild is done, so it is reported as such.
        boolean replaying = segments.values().stream().anyMatch(status -> status.isReplaying()
                && status.getCurrentPosition().orElse(-1) < status.getResetPosition().orElse(Long.MAX_VALUE));
        Double replayPercent = null;
        if (replaying) {
            OptionalLong resetAt = segments.values().stream().map(EventTrackerStatus::getResetPosition)
                                           .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max();
            if (resetAt.isPresent() && resetAt.getAsLong() > 0) {
                replayPercent = Math.min(100.0, Math.max(0, position) * 100.0 / resetAt.getAsLong());
            }
        }
        Long lagMillis = position < 0 ? null : store.timestampAt(position)
                .flatMap(at -> headTime.map(headAt -> Math.max(0, Duration.between(at, headAt).toMillis())))
                .orElse(null);
        boolean held = !segments.isEmpty();
        return new ProcessorStatus(name, processor.isRunning(), replaying,
                segments.values().stream().anyMatch(EventTrackerStatus::isErrorState), held ? position : null, head,
                held ? Math.max(0, head - Math.max(position, 0)) : null, held ? lagMillis : null, replayPercent,
                deadLetters(name).orElse(null), segments.size());
    }

    private Optional<Long> deadLetters(String name) {
        return processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::amountOfSequences);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                         .orElseThrow(() -> ApiException.notFound("PROCESSOR_NOT_FOUND", "No event processor named " + name));
    }
}

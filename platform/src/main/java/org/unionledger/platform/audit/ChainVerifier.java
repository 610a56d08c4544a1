package org.unionledger.platform.audit;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Recomputes hash chains from the stored bytes and reports where they break: an event whose content no longer
 * matches its hash ({@link Break.Kind#ALTERED}), a sequence number missing from a stream ({@link Break.Kind#GAP}),
 * or an event stored without a hash ({@link Break.Kind#UNCHAINED}). It only reads.
 */
public class ChainVerifier {

    /** How many broken streams a whole-store report lists; the count covers them all. */
    static final int LISTED_BREAKS = 100;

    private final StoredEvents store;

    public ChainVerifier(StoredEvents store) {
        this.store = store;
    }

    /** One broken link: the first one found in its stream. */
    public record Break(String aggregateId, long sequence, Kind kind, long position, String detail) {
        public enum Kind { ALTERED, GAP, UNCHAINED }
    }

    /** A checkpoint whose recorded digest no longer matches the stream heads recomputed at its position. */
    public record CheckpointBreak(long position, Instant takenAt, long recordedStreams, long foundStreams,
                                  long recordedEvents, long foundEvents, String detail) {
    }

    /**
     * The outcome of a verification; {@code firstBreak} is the earliest break in the global order, if any;
     * {@code checkpointBreaks} lists the checkpoints (whole-store verification only) that no longer match.
     */
    public record Report(boolean intact, long streams, long events, long headPosition, long brokenStreams,
                         Break firstBreak, List<Break> breaks, long checkpointsChecked,
                         List<CheckpointBreak> checkpointBreaks) {
    }

    /** Verifies one aggregate's stream. A stream with no events is reported as intact with zero events. */
    public Report verify(String aggregateId) {
        StreamCheck check = new StreamCheck(aggregateId);
        List<StoredEvent> events = store.ofAggregate(aggregateId);
        events.forEach(check::accept);
        long head = events.isEmpty() ? -1 : events.get(events.size() - 1).position();
        return report(events.isEmpty() ? 0 : 1, events.size(), head,
                check.broken == null ? List.of() : List.of(check.broken), 0, List.of());
    }

    /** Verifies every stream in the store in one pass over the global order, holding one small state per stream. */
    public Report verifyAll() {
        return verifyAll(List.of());
    }

    /**
     * Verifies every stream and, on the way, every given checkpoint: at each checkpoint's position the stream heads
     * are recomputed and compared with its digest, which catches a removed stream or a truncated one.
     */
    public Report verifyAll(List<StreamHeads.Checkpoint> checkpoints) {
        Map<String, StreamCheck> streams = new HashMap<>();
        List<Break> breaks = new ArrayList<>();
        Deque<StreamHeads.Checkpoint> pending = new ArrayDeque<>(checkpoints.stream()
                .sorted(Comparator.comparingLong(StreamHeads.Checkpoint::position)).toList());
        List<CheckpointBreak> checkpointBreaks = new ArrayList<>();
        StreamHeads heads = new StreamHeads();
        long events = 0;
        long head = -1;
        try (Stream<StoredEvent> all = store.after(-1)) {
            for (StoredEvent event : (Iterable<StoredEvent>) all::iterator) {
                while (!pending.isEmpty() && pending.peek().position() < event.position()) {
                    check(pending.pop(), heads, checkpointBreaks);
                }
                heads.advance(event);
                StreamCheck check = streams.computeIfAbsent(event.aggregateId(), StreamCheck::new);
                boolean wasBroken = check.broken != null;
                check.accept(event);
                if (!wasBroken && check.broken != null) {
                    breaks.add(check.broken);
                }
                events++;
                head = event.position();
            }
        }
        while (!pending.isEmpty()) {
            check(pending.pop(), heads, checkpointBreaks);
        }
        return report(streams.size(), events, head, breaks, checkpoints.size(), checkpointBreaks);
    }

    private static void check(StreamHeads.Checkpoint checkpoint, StreamHeads heads, List<CheckpointBreak> breaks) {
        if (!heads.matches(checkpoint)) {
            breaks.add(new CheckpointBreak(checkpoint.position(), checkpoint.takenAt(), checkpoint.streams(),
                    heads.streams(), checkpoint.events(), heads.events(),
                    "the stream heads up to position " + checkpoint.position() + " no longer match the checkpoint "
                            + "taken at " + checkpoint.takenAt() + ": events or whole streams were removed or added"));
        }
    }

    private static Report report(long streams, long events, long head, List<Break> breaks, long checkpointsChecked,
                                 List<CheckpointBreak> checkpointBreaks) {
        List<Break> ordered = breaks.stream()
                                    .sorted((a, b) -> Long.compare(a.position(), b.position()))
                                    .toList();
        return new Report(ordered.isEmpty() && checkpointBreaks.isEmpty(), streams, events, head, ordered.size(),
                ordered.isEmpty() ? null : ordered.get(0),
                ordered.subList(0, Math.min(ordered.size(), LISTED_BREAKS)), checkpointsChecked, checkpointBreaks);
    }

    /** The running check of one stream: the next sequence number expected and the hash to chain onto. */
    private static final class StreamCheck {
        private final String aggregateId;
        private long expectedSequence;
        private String previousHash = EventChain.GENESIS;
        private Break broken;

        StreamCheck(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        void accept(StoredEvent event) {
            if (broken != null) {
                return;
            }
            if (event.sequence() != expectedSequence) {
                broken = new Break(aggregateId, expectedSequence, Break.Kind.GAP, event.position(),
                        "sequence " + expectedSequence + " is missing: the next stored event is sequence "
                                + event.sequence());
                return;
            }
            String recorded = event.recordedHash();
            if (recorded == null) {
                broken = new Break(aggregateId, event.sequence(), Break.Kind.UNCHAINED, event.position(),
                        "event " + event.eventId() + " carries no chain hash");
                return;
            }
            String recomputed = EventChain.hash(previousHash, EventChain.Link.of(event));
            if (!recomputed.equals(recorded)) {
                broken = new Break(aggregateId, event.sequence(), Break.Kind.ALTERED, event.position(),
                        "event " + event.eventId() + " does not match its recorded hash: its payload, metadata or "
                                + "identity was changed after it was stored");
                return;
            }
            previousHash = recorded;
            expectedSequence++;
        }
    }
}

package org.unionledger.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The head (last sequence number and hash) of every stream, advanced one event at a time in global order, and a
 * digest over all of them. A checkpoint records the digest at a position; recomputing it later detects what a
 * per-stream chain cannot: a whole stream removed, or a stream cut back to an earlier event.
 */
public final class StreamHeads {

    private record Head(long sequence, String hash) {
    }

    /** A digest of all stream heads as of a global position, recorded at {@code takenAt}. */
    public record Checkpoint(long position, Instant takenAt, long streams, long events, String digest) {
    }

    private final Map<String, Head> heads = new HashMap<>();
    private long events;
    private long position = -1;

    public void advance(StoredEvent event) {
        heads.put(event.aggregateId(), new Head(event.sequence(), event.recordedHash()));
        events++;
        position = event.position();
    }

    public long position() {
        return position;
    }

    public Checkpoint checkpoint(long atPosition, Instant takenAt) {
        return new Checkpoint(atPosition, takenAt, heads.size(), events, digest());
    }

    /** SHA-256 over one line per stream, sorted by aggregate ID: {@code id TAB sequence TAB hash}. */
    public String digest() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Head> head : new TreeMap<>(heads).entrySet()) {
                sha256.update((head.getKey() + '\t' + head.getValue().sequence() + '\t'
                        + (head.getValue().hash() == null ? "-" : head.getValue().hash()) + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Whether the heads now match {@code checkpoint}. */
    public boolean matches(Checkpoint checkpoint) {
        return heads.size() == checkpoint.streams() && events == checkpoint.events()
                && digest().equals(checkpoint.digest());
    }

    public long streams() {
        return heads.size();
    }

    public long events() {
        return events;
    }
}

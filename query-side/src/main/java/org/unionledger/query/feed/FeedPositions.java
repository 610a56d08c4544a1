package org.unionledger.query.feed;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.unionledger.platform.web.ApiException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The feed position: a plain number, the same concept in both modes. It is the global index of the JDBC event store
 * (which starts at 1), or Axon Server's global sequence plus one (which starts at 0); position 0 is before the first
 * event. This class is the one place that turns a position into an Axon tracking token and back.
 */
@Component
public class FeedPositions {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final boolean gapAware;

    FeedPositions(ObjectProvider<EventStorageEngine> storageEngine) {
        this.gapAware = storageEngine.getIfAvailable() instanceof JdbcEventStorageEngine;
    }

    /** Whether positions can have holes (JDBC) that may still fill; Axon Server's sequence never does. */
    boolean gapAware() {
        return gapAware;
    }

    /** The token after which reading continues past {@code position}; {@code null} means the beginning. */
    TrackingToken tokenAfter(long position) {
        if (position == 0) {
            return null;
        }
        return gapAware ? GapAwareTrackingToken.newInstance(position, List.of())
                        : new GlobalSequenceTrackingToken(position - 1);
    }

    long positionOf(TrackingToken token) {
        long raw = token.position().orElseThrow(() -> new IllegalStateException("token without a position: " + token));
        return gapAware ? raw : raw + 1;
    }

    /** A position as clients send it: empty or absent is the beginning; anything but a decimal number is a 400. */
    public static long parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        String trimmed = raw.strip();
        if (!DIGITS.matcher(trimmed).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_POSITION", field,
                    "'" + raw + "' is not a feed position (a decimal number, 0 or more, from an earlier page)");
        }
        return Long.parseLong(trimmed);
    }
}

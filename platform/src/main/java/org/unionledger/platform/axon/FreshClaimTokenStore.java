package org.unionledger.platform.axon;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A token store that skips the claim extensions a claim does not need yet.
 * <p>
 * A tracking processor that stores its token after each batch (the project's setting, see
 * {@link AxonPlatformAutoConfiguration}) also extends its claim before each batch: two writes per batch where the
 * one at the end keeps the claim alive. An extension within {@code freshFor} of the last write or read that
 * confirmed this node's claim on the segment is skipped. The claim cannot have lapsed by then, since it lasts the
 * claim timeout, ten times longer, and the store at the end of the batch still fails if another node holds it.
 * Everything else goes to the delegate.
 */
public final class FreshClaimTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final Duration freshFor;
    private final Clock clock;
    private final Map<Claim, Instant> confirmed = new ConcurrentHashMap<>();

    private record Claim(String processorName, int segment) {
    }

    public FreshClaimTokenStore(TokenStore delegate, Duration claimTimeout, Clock clock) {
        this.delegate = delegate;
        this.freshFor = claimTimeout.dividedBy(10);
        this.clock = clock;
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        Claim claim = new Claim(processorName, segment);
        Instant last = confirmed.get(claim);
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.plus(freshFor))) {
            return;
        }
        confirming(claim, now, () -> delegate.extendClaim(processorName, segment));
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        confirming(new Claim(processorName, segment), clock.instant(), () -> delegate.storeToken(token, processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return confirming(new Claim(processorName, segment), clock.instant(), () -> delegate.fetchToken(processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return confirming(new Claim(processorName, segment.getSegmentId()), clock.instant(),
                () -> delegate.fetchToken(processorName, segment));
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        confirmed.remove(new Claim(processorName, segment));
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        confirmed.remove(new Claim(processorName, segment));
        delegate.deleteToken(processorName, segment);
    }

    /** Runs a call that, if it succeeds, confirms the claim as of {@code asOf} (taken before the call). */
    private void confirming(Claim claim, Instant asOf, Runnable call) {
        confirming(claim, asOf, () -> {
            call.run();
            return null;
        });
    }

    private <T> T confirming(Claim claim, Instant asOf, Supplier<T> call) {
        try {
            T result = call.get();
            confirmed.put(claim, asOf);
            return result;
        } catch (RuntimeException e) {
            confirmed.remove(claim);
            throw e;
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}

package org.unionledger.platform.axon;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreshClaimTokenStoreTest {

    private final MovableClock clock = new MovableClock();
    private final Recording delegate = new Recording();
    private final TokenStore store = new FreshClaimTokenStore(delegate, Duration.ofSeconds(10), clock);

    @Test
    void skipsAnExtensionWithinATenthOfTheClaimTimeoutOfTheLastConfirmation() {
        store.initializeTokenSegments("p", 2);
        store.fetchToken("p", 0);
        store.extendClaim("p", 0);
        clock.advance(Duration.ofMillis(900));
        store.storeToken(new GlobalSequenceTrackingToken(5), "p", 0);
        clock.advance(Duration.ofMillis(900));
        store.extendClaim("p", 0);
        assertThat(delegate.extensions).isEmpty();

        clock.advance(Duration.ofMillis(100)); // one second since the store
        store.extendClaim("p", 0);
        store.extendClaim("p", 0);
        assertThat(delegate.extensions).containsExactly("p/0");
        assertThat(store.fetchToken("p", 0)).isEqualTo(new GlobalSequenceTrackingToken(5));
    }

    @Test
    void extendsClaimsItHasNotConfirmedAndForgetsReleasedOrFailedOnes() {
        store.initializeTokenSegments("p", 2);
        store.fetchToken("p", 0);
        store.extendClaim("p", 1); // never fetched by this node: the delegate decides
        assertThat(delegate.extensions).containsExactly("p/1");

        store.releaseClaim("p", 0);
        store.extendClaim("p", 0);
        assertThat(delegate.extensions).containsExactly("p/1", "p/0");

        store.fetchToken("p", 0);
        delegate.failStores = true;
        assertThatThrownBy(() -> store.storeToken(new GlobalSequenceTrackingToken(1), "p", 0))
                .isInstanceOf(UnableToClaimTokenException.class);
        store.extendClaim("p", 0);
        assertThat(delegate.extensions).containsExactly("p/1", "p/0", "p/0");
    }

    /** An in-memory token store that records the claim extensions it is asked for. */
    private static final class Recording extends InMemoryTokenStore {
        final List<String> extensions = new ArrayList<>();
        boolean failStores;

        @Override
        public void extendClaim(String processorName, int segment) {
            extensions.add(processorName + "/" + segment);
            super.extendClaim(processorName, segment);
        }

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            if (failStores) {
                throw new UnableToClaimTokenException("claimed by another node");
            }
            super.storeToken(token, processorName, segment);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

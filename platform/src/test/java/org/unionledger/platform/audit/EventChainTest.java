package org.unionledger.platform.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventChainTest {

    private static final Instant AT = Instant.parse("2025-07-01T03:04:05.678Z");

    private static EventChain.Link link(String payload, Map<String, String> metadata) {
        return new EventChain.Link("Member", "m-1", 3, "e-1", AT, "org.example.Suspended", "1",
                payload.getBytes(StandardCharsets.UTF_8), metadata);
    }

    @Test
    void theHashDependsOnContentNotOnHowTheJsonWasLaidOut() {
        String a = EventChain.hash(EventChain.GENESIS, link("{\"b\":1,\"a\":{\"y\":2.50,\"x\":[1,2]}}", Map.of("actor", "o-1")));
        String b = EventChain.hash(EventChain.GENESIS, link("{ \"a\": {\"x\": [1, 2], \"y\": 2.50}, \"b\": 1 }", Map.of("actor", "o-1")));
        assertThat(a).isEqualTo(b).matches("[0-9a-f]{64}");
    }

    @Test
    void theRecordedHashItselfIsNotPartOfWhatIsHashed() {
        String without = EventChain.hash(EventChain.GENESIS, link("{}", Map.of("actor", "o-1")));
        String with = EventChain.hash(EventChain.GENESIS, link("{}", Map.of("actor", "o-1", EventChain.HASH, "abc")));
        assertThat(with).isEqualTo(without);
    }

    @Test
    void changingAnyCoveredFactChangesTheHash() {
        String base = EventChain.hash(EventChain.GENESIS, link("{\"reason\":\"dues\"}", Map.of("actor", "o-1")));
        assertThat(EventChain.hash(EventChain.GENESIS, link("{\"reason\":\"fraud\"}", Map.of("actor", "o-1")))).isNotEqualTo(base);
        assertThat(EventChain.hash(EventChain.GENESIS, link("{\"reason\":\"dues\"}", Map.of("actor", "o-2")))).isNotEqualTo(base);
        assertThat(EventChain.hash("1".repeat(64), link("{\"reason\":\"dues\"}", Map.of("actor", "o-1")))).isNotEqualTo(base);
        EventChain.Link later = new EventChain.Link("Member", "m-1", 3, "e-1", AT.plusMillis(1), "org.example.Suspended",
                "1", "{\"reason\":\"dues\"}".getBytes(StandardCharsets.UTF_8), Map.of("actor", "o-1"));
        assertThat(EventChain.hash(EventChain.GENESIS, later)).isNotEqualTo(base);
    }
}

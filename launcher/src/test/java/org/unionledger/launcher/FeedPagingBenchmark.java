package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionledger.shared.member.Employment;
import org.unionledger.shared.member.Gender;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.PersonalDetails;
import org.unionledger.shared.union.UnionId;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast a consumer pages the feed over HTTP: {@code ./mvnw -o -pl launcher -am -Pbench verify
 * -Dtest=FeedPagingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Appends {@value #EVENTS} registrations straight
 * to the event store, waits for the projections to finish with them (so they do not compete for the CPU), then reads
 * the whole feed in pages of 1,000, parsing every page, five times. Not part of the normal build.
 */
@Tag("bench")
class FeedPagingBenchmark {

    private static final int EVENTS = 30_000;
    private static final int PASSES = 5;

    @TempDir
    Path dataDir;

    @Test
    void pagesTheFeed() throws Exception {
        try (UnionLedger system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0")) {
            Members.Tree tree = Members.Tree.build(system.commandPort(), "bench");
            append(system.commandSide().getBean(EventStore.class), new UnionId(tree.grassroots()));
            long head = EVENTS + 3;
            awaitProjections(system, head);

            double[] rates = new double[PASSES];
            for (int pass = 0; pass < PASSES; pass++) {
                long started = System.nanoTime();
                int read = 0;
                long after = 0;
                while (true) {
                    JsonNode page = Http.get(system.queryPort(), "/api/feed?limit=1000&after=" + after).body();
                    read += page.get("events").size();
                    long next = Long.parseLong(page.get("next").asText());
                    if (next == after) {
                        break;
                    }
                    after = next;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(read).isEqualTo(EVENTS + 3);
                rates[pass] = read / seconds;
                System.out.printf(Locale.ROOT, "BENCH feed paging pass %d: %,d events in %.2f s = %,.0f events/s%n",
                        pass + 1, read, seconds, rates[pass]);
            }
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "BENCH feed paging over HTTP (pages of 1,000, %d CPUs): median %,.0f events/s, best %,.0f events/s%n",
                    Runtime.getRuntime().availableProcessors(), rates[PASSES / 2], rates[PASSES - 1]);
        }
    }

    private static void append(EventStore events, UnionId union) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            MemberId member = MemberId.random();
            MemberRegisteredEvent registered = new MemberRegisteredEvent(member, "Benchmark member " + i, Gender.FEMALE,
                    new PersonalDetails(String.format("001190%06d", i), LocalDate.of(1990, 1, 1), "0912345678"),
                    new Employment("Seamstress", "Hanoi Textile Co.", null), union, LocalDate.of(2025, 8, 1), "VN");
            batch.add(new GenericDomainEventMessage<>("Member", member.value(), 0, registered,
                    MetaData.from(Map.of("actor", "bench", "correlationId", member.value(), "causationId", member.value()))));
            if (batch.size() == 1_000) {
                events.publish(batch);
                batch.clear();
            }
        }
        events.publish(batch);
    }

    /** Waits until every event processor's token has reached the head, read straight from MongoDB. */
    private static void awaitProjections(UnionLedger system, long head) {
        String uri = system.querySide().getEnvironment().getRequiredProperty("spring.data.mongodb.uri");
        try (MongoClient client = MongoClients.create(uri)) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                for (Document token : client.getDatabase(UnionLedger.DATABASE).getCollection("trackingtokens").find()) {
                    if (token.get("token") == null) {
                        return false;
                    }
                    String json = new String(token.get("token", Binary.class).getData());
                    long index = Long.parseLong(json.replaceAll(".*\"index\":(\\d+).*", "$1"));
                    if (index < head) {
                        return false;
                    }
                }
                return true;
            });
        }
    }
}

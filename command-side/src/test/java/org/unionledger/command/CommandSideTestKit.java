package org.unionledger.command;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.unionledger.command.common.UniqueKeys;
import org.unionledger.command.union.UnionDirectory;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionLevel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The command side's lookup tables on a MongoDB wire-protocol server reached through the real driver, and a clock
 * tests can move. Aggregate fixtures get these as injectable resources.
 */
public final class CommandSideTestKit implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    public final MovableClock clock = new MovableClock(Instant.parse("2025-09-01T03:00:00.123456789Z"));
    public final MongoTemplate mongo;
    public final UnionDirectory unions;
    public final UniqueKeys keys;

    public CommandSideTestKit() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "test");
        unions = new UnionDirectory(mongo);
        keys = new UniqueKeys(mongo, clock);
    }

    /** Records an active union in the lookup table, as its establishment would. */
    public UnionId union(String id, UnionLevel level, UnionId parent) {
        UnionId unionId = new UnionId(id);
        unions.recordEstablished(unionId, id.toUpperCase(), level, parent);
        return unionId;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }

    /** A clock that stands still until moved; it starts with nanoseconds, as a real clock has. */
    public static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
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

package org.unionledger.launcher;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonBinarySubType;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyOrderedH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void takesOverAFileThePlainBackendWrote() {
        Path file = dir.resolve("mongo.mv");
        // Written by the library's own backend: index maps ordered by serialised bytes, documents Java-serialised.
        run(file, H2Backend::new, people -> {
            people.createIndex(Indexes.ascending("nationalId"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                people.insertOne(person(i));
            }
        });
        // This backend reads those documents as they are, and drops the index maps and rebuilds its own from them.
        run(file, KeyOrderedH2Backend::new, people -> {
            assertFindsEveryone(people, 500);
            assertUnique(people, 7);
            for (int i = 500; i < 600; i++) {
                people.insertOne(person(i));
            }
            people.deleteOne(Filters.eq("_id", "p-3"));
            people.updateOne(Filters.eq("_id", "p-8"), new Document("$set", new Document("moved", true)));
        });
        try (MVStore store = MVStore.open(file.toString())) {
            assertThat(store.getMapNames()).anyMatch(name -> name.endsWith("._index__id_" + KeyOrderedH2Backend.INDEX_MAP_SUFFIX))
                                           .noneMatch(name -> name.endsWith("._index__id_"));
        }
        // Again: old documents, rewritten ones and new ones all read back, and no stale index entry survives.
        run(file, KeyOrderedH2Backend::new, people -> {
            assertFindsEveryone(people, 600, 3);
            assertThat(people.find(Filters.eq("_id", "p-8")).first().getBoolean("moved")).isTrue();
            people.insertOne(person(3)); // would be refused by a stale _id entry
            assertFindsEveryone(people, 600);
            assertUnique(people, 599);
        });
    }

    @Test
    void keepsEveryBsonValueTheDriverSendsAcrossARestart() {
        Path file = dir.resolve("values.mv");
        Document rich = new Document("_id", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("name", "Nguyễn Văn An").append("int", 7).append("long", 1L << 40).append("double", 2.5)
                .append("yes", true).append("nothing", null).append("when", new Date(1_700_000_000_123L))
                .append("amount", new Decimal128(new BigDecimal("12345.67")))
                .append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, new byte[16]))
                .append("stamp", new BsonTimestamp(1_700_000_000, 3))
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3L), List.of())));
        run(file, KeyOrderedH2Backend::new, values -> {
            values.insertOne(rich);
            values.insertOne(new Document("_id", 42).append("n", 1));
        });
        run(file, KeyOrderedH2Backend::new, values -> {
            assertThat(values.find(Filters.eq("_id", rich.getObjectId("_id"))).first()).isEqualTo(rich);
            assertThat(values.find(Filters.eq("_id", 42)).first()).isEqualTo(new Document("_id", 42).append("n", 1));
        });
    }

    @Test
    void storesDocumentsAsBsonAndStillReadsTheOldForm() {
        BsonDocumentType type = new BsonDocumentType();
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "u-1")
                .append("pos", 12L).append("currentMembers", 3).append("name", "Đoàn phường")
                .append("byStatus", new de.bwaldvogel.mongo.bson.Document("ACTIVE", 2).append("SUSPENDED", 1))
                .append("months", List.of("2026-10", "2026-11")).append("at", java.time.Instant.ofEpochMilli(1_700_000_000_000L));

        ByteBuffer bson = written(type::write, document);
        assertThat(bson.get(bson.position())).isEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(bson)).isEqualTo(document);
        assertThat(bson.remaining()).isZero();

        // As the plain backend wrote it (MVStore's ObjectDataType, Java serialisation): read as before.
        ByteBuffer old = written((buffer, value) -> new ObjectDataType().write(buffer, value), document);
        assertThat(old.remaining()).isGreaterThan(written(type::write, document).remaining());
        assertThat(type.read(old)).isEqualTo(document);
        assertThat(old.remaining()).isZero();

        // A value BSON has no form for (none comes over the wire) is written the old way rather than failing the writer.
        de.bwaldvogel.mongo.bson.Document odd = new de.bwaldvogel.mongo.bson.Document("_id", "x").append("f", 1.5f);
        ByteBuffer fallback = written(type::write, odd);
        assertThat(fallback.get(fallback.position())).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(fallback)).isEqualTo(odd);

        // Larger than the BSON decoder reads back (updates can grow a document past 16 MiB): the old form too.
        de.bwaldvogel.mongo.bson.Document huge = new de.bwaldvogel.mongo.bson.Document("_id", "big")
                .append("text", "x".repeat(BsonDocumentType.MAX_READABLE));
        ByteBuffer large = written(type::write, huge);
        assertThat(large.get(large.position())).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(large)).isEqualTo(huge);
    }

    private static <T> ByteBuffer written(java.util.function.BiConsumer<WriteBuffer, T> write, T value) {
        WriteBuffer buffer = new WriteBuffer();
        write.accept(buffer, value);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return written;
    }

    @Test
    void answersQueriesThatPinIdsWithOtherConditionsLikeAScanWould() {
        run(dir.resolve("pinned.mv"), KeyOrderedH2Backend::new, people -> {
            for (int i = 0; i < 50; i++) {
                people.insertOne(person(i).append("pos", (long) i));
            }
            // A guarded update, flat and as the driver renders Filters.and: applies only while the guard holds.
            assertThat(people.updateOne(new Document("_id", "p-7").append("pos", new Document("$lt", 7L)),
                    new Document("$set", new Document("n", -1))).getMatchedCount()).isZero();
            assertThat(people.updateOne(Filters.and(Filters.eq("_id", "p-7"), Filters.lt("pos", 8L)),
                    new Document("$set", new Document("n", -7))).getModifiedCount()).isEqualTo(1);
            assertThat(people.find(Filters.eq("_id", "p-7")).first().getInteger("n")).isEqualTo(-7);

            List<Document> found = people.find(Filters.and(Filters.in("_id", "p-3", "p-30", "p-4", "p-3", "nobody"),
                            Filters.gte("pos", 4L)))
                    .sort(new Document("pos", -1)).projection(new Document("n", 1)).into(new ArrayList<>());
            assertThat(found).containsExactly(new Document("_id", "p-30").append("n", 30), new Document("_id", "p-4").append("n", 4));

            assertThat(people.deleteMany(Filters.and(Filters.eq("_id", "p-9"), Filters.eq("n", 8))).getDeletedCount()).isZero();
            assertThat(people.deleteMany(Filters.and(Filters.eq("_id", "p-9"), Filters.eq("n", 9))).getDeletedCount()).isEqualTo(1);
            assertThat(people.countDocuments()).isEqualTo(49);
            // Not pinned to strings: scanned, as the library does.
            assertThat(people.countDocuments(Filters.and(Filters.gte("pos", 45L), Filters.ne("_id", "p-46")))).isEqualTo(4);
        });
    }

    @Test
    void ordersKeysAsValuesTotallyAndConsistentlyWithEquals() {
        KeyOrderedH2Backend.KeyValueType type = new KeyOrderedH2Backend.KeyValueType();
        assertThat(type.compare(new KeyValue("b"), new KeyValue("a"))).isPositive();
        assertThat(type.compare(new KeyValue("a", 2), new KeyValue("a", 10))).isNegative();
        assertThat(type.compare(new KeyValue("a", 1), new KeyValue("a", 1))).isZero();
        // Equal as values but not equal keys: kept apart, in a fixed order.
        int intFirst = type.compare(new KeyValue(1), new KeyValue(1L));
        assertThat(intFirst).isNotZero().isEqualTo(-type.compare(new KeyValue(1L), new KeyValue(1)));

        List<KeyValue> keys = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 300; i++) {
            keys.add(random.nextBoolean() ? new KeyValue("k" + random.nextInt(100), random.nextInt(5))
                                          : new KeyValue("k" + random.nextInt(100), (long) random.nextInt(5)));
        }
        List<KeyValue> sorted = new ArrayList<>(keys);
        sorted.sort(type);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                int c = type.compare(sorted.get(i), sorted.get(j));
                assertThat(c).as("%s vs %s", sorted.get(i), sorted.get(j)).isLessThanOrEqualTo(0);
                assertThat(c == 0).isEqualTo(sorted.get(i).equals(sorted.get(j)));
            }
        }
        Collections.shuffle(keys, random);
        keys.sort(type);
        assertThat(keys).isEqualTo(sorted);
    }

    @Test
    void storesKeysCompactlyAndReadsBackEqualKeys() {
        KeyOrderedH2Backend.KeyValueType type = new KeyOrderedH2Backend.KeyValueType();
        List<KeyValue> keys = List.of(new KeyValue("p-1"), new KeyValue("union-monitoring", 0), new KeyValue(7L, 2.5, true, false),
                new KeyValue(null, "Nguyễn Văn An"), new KeyValue(new de.bwaldvogel.mongo.bson.ObjectId("65a1b2c3d4e5f60718293a4b"), java.util.UUID.fromString(
                        "0f8fad5b-d9cb-469f-a165-70867728950e")));
        for (KeyValue key : keys) {
            WriteBuffer buffer = new WriteBuffer();
            type.write(buffer, key);
            ByteBuffer written = buffer.getBuffer();
            written.flip();
            KeyValue read = type.read(written);
            assertThat(read).isEqualTo(key);
            assertThat(type.compare(read, key)).isZero();
            assertThat(written.remaining()).isZero();
        }
    }

    private static Document person(int i) {
        return new Document("_id", "p-" + i).append("nationalId", String.format("001%09d", i)).append("n", i);
    }

    private static void assertFindsEveryone(MongoCollection<Document> people, int count, int... missing) {
        for (int i = 0; i < count; i++) {
            int n = i;
            Document found = people.find(Filters.eq("_id", "p-" + i)).first();
            if (java.util.Arrays.stream(missing).anyMatch(m -> m == n)) {
                assertThat(found).isNull();
            } else {
                assertThat(found).as("p-%d", i).isNotNull();
                assertThat(found.getInteger("n")).isEqualTo(i);
            }
        }
    }

    private static void assertUnique(MongoCollection<Document> people, int existing) {
        Document copy = person(existing).append("_id", "copy-of-" + existing);
        assertThatThrownBy(() -> people.insertOne(copy))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static void run(Path file, Function<MVStore, H2Backend> backendOf, Consumer<MongoCollection<Document>> work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        H2Backend backend = backendOf.apply(store);
        MongoServer server = new MongoServer(backend);
        try {
            var address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
                work.accept(client.getDatabase("test").getCollection("people"));
            }
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}

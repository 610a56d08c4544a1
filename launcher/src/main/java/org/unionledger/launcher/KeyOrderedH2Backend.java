package org.unionledger.launcher;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * mongo-java-server's H2 backend, made to answer {@code _id} lookups without work proportional to the collection.
 * <ul>
 *   <li><b>Unique indexes ordered by value.</b> The library opens every index map with MVStore's default
 *       {@link ObjectDataType}. That type does not know the index keys' class ({@link KeyValue}, which is not
 *       {@link Comparable}), so it compares two keys by Java-serialising both: every {@code _id} lookup serialised a
 *       dozen keys, and so did MVStore's background compaction for every key it moved (a tenth of the server JVM's
 *       CPU samples under the monitoring benchmark). Index maps here order their keys with {@link KeyValueType}
 *       (mongo-java-server's own value order) and store them compactly, under names of their own
 *       ({@value #INDEX_MAP_SUFFIX} appended). A data file written before has its index maps under the old names:
 *       those are removed, and the new map, empty, is filled from the collection's documents when the library adds
 *       the index on start-up (which it does for any empty index). Going back to the plain backend and forth again
 *       works the same way: whichever finds the other's map drops the maps and rebuilds.</li>
 *   <li><b>Queries pinned to {@code _id}s read only those documents</b> ({@link IdPinnedCollection}).</li>
 *   <li><b>Documents are stored as BSON</b> ({@link BsonDocumentType}), not Java-serialised. A file written before
 *       is read as it is; but once this backend has written to a file, the plain backend can no longer read it.</li>
 * </ul>
 */
final class KeyOrderedH2Backend extends H2Backend {

    static final String INDEX_MAP_SUFFIX = ".keyOrdered";
    private static final Logger log = LoggerFactory.getLogger(KeyOrderedH2Backend.class);

    KeyOrderedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * A database of this backend. An inner class: the library's constructor already opens indexes, before any
     * field of a subclass is set, and the store is reached through the enclosing backend (set by then).
     */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = getMvStore();
            String libraryName = indexMapName(collectionName, indexName);
            String name = libraryName + INDEX_MAP_SUFFIX;
            if (store.hasMap(libraryName)) {
                // Written by the plain backend: this file is new to this backend, or went back to the plain one since
                // (then a map of this backend's, if any, is stale too).
                log.info("Index {} is rebuilt in key order from the collection's documents", libraryName);
                remove(store, libraryName, new MVMap.Builder<>());
                remove(store, name, keyOrdered());
            }
            return new UniqueIndex(store.openMap(name, keyOrdered()), indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> documents = store.openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            return new IdPinnedCollection(this, collectionName, options, documents,
                    store.openMap("meta." + namespace), cursorRegistry);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            remove(getMvStore(), indexMapName(collection.getCollectionName(), indexName) + INDEX_MAP_SUFFIX, keyOrdered());
        }

        /** The name the library gives an index's map. */
        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }

    /**
     * The library's H2 collection, where a query that pins {@code _id} to given strings and has other conditions
     * besides reads only those documents. The library uses an index only when the query names exactly its keys, so
     * {@code {_id: x, pos: {$lt: p}}} (a guarded update) scanned and matched every document of the collection.
     * The candidates still go through the library's matching, sorting, paging and projection.
     */
    private static final class IdPinnedCollection extends H2Collection {

        IdPinnedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
            super(database, collectionName, options, dataMap, metaMap, cursors);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                             int batchSize, Document fieldSelector) {
            boolean naturalOrder = orderBy != null && orderBy.containsKey("$natural");
            List<String> ids = "_id".equals(getIdField()) && !naturalOrder ? pinnedIds(query) : null;
            if (ids == null) {
                return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
            }
            Stream<Document> candidates = ids.stream().distinct().sorted().map(this::getDocument).filter(Objects::nonNull);
            return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
        }

        /**
         * The string {@code _id}s a query can only match: from {@code _id: "x"} or {@code _id: {$in: ["x", ...]}},
         * at the top or in a top-level {@code $and}; null if it does not pin them (then everything is scanned).
         */
        static List<String> pinnedIds(Document query) {
            Object id = query.get("_id");
            if (id instanceof String single) {
                return List.of(single);
            }
            if (id instanceof Document operator && operator.size() == 1 && operator.get("$in") instanceof Collection<?> in
                    && in.stream().allMatch(String.class::isInstance)) {
                return in.stream().map(String.class::cast).toList();
            }
            if (id == null && query.get("$and") instanceof Collection<?> clauses) {
                for (Object clause : clauses) {
                    List<String> ids = clause instanceof Document document ? pinnedIds(document) : null;
                    if (ids != null) {
                        return ids;
                    }
                }
            }
            return null;
        }
    }

    private static MVMap.Builder<KeyValue, Object> keyOrdered() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType());
    }

    /**
     * Removes a map, opened with the types it was written with. {@code MVStore.removeMap(String)} opens a map it
     * finds closed with generic types that cannot compare keys, and the background writer, rewriting pages of open
     * maps, can reach the map in that moment and fail (which closes the store).
     */
    private static void remove(MVStore store, String name, MVMap.Builder<?, ?> types) {
        if (store.hasMap(name)) {
            store.removeMap(store.openMap(name, types));
        }
    }

    /** The library's H2 unique index, over a map given here. */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * Index keys ordered value by value as mongo-java-server orders values; two keys that order equal without being
     * equal (say 1 and 1L, which the library keeps apart too) fall back to the order of their serialised form, so
     * the order stays total and agrees with {@link KeyValue#equals}.
     * <p>
     * Stored compactly: strings, integers, longs, doubles, booleans and nulls by a tag and their value, anything
     * else Java-serialised as MVStore would. The memory estimate is the keys' own, not the 10 kB MVStore assumes for
     * an object it serialises, which made the page cache drop index pages as soon as it read them.
     */
    static final class KeyValueType extends BasicDataType<KeyValue> {

        private static final byte NULL = 0;
        private static final byte STRING = 1;
        private static final byte INT = 2;
        private static final byte LONG = 3;
        private static final byte DOUBLE = 4;
        private static final byte FALSE = 5;
        private static final byte TRUE = 6;
        private static final byte SERIALIZED = 7;

        private final ValueComparator values = ValueComparator.ascWithoutListHandling();

        @Override
        public int compare(KeyValue a, KeyValue b) {
            if (a == b) {
                return 0;
            }
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                int c = values.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            if (a.size() != b.size()) {
                return Integer.compare(a.size(), b.size());
            }
            return a.equals(b) ? 0 : Arrays.compare(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
        }

        @Override
        public int getMemory(KeyValue key) {
            int memory = 48;
            for (Object value : key) {
                memory += value instanceof String string ? 48 + string.length() : 24;
            }
            return memory;
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            buffer.putVarInt(key.size());
            for (Object value : key) {
                if (value == null) {
                    buffer.put(NULL);
                } else if (value instanceof String string) {
                    buffer.put(STRING).putVarInt(string.length()).putStringData(string, string.length());
                } else if (value instanceof Integer number) {
                    buffer.put(INT).putVarInt(number);
                } else if (value instanceof Long number) {
                    buffer.put(LONG).putVarLong(number);
                } else if (value instanceof Double number) {
                    buffer.put(DOUBLE).putDouble(number);
                } else if (value instanceof Boolean bool) {
                    buffer.put(bool ? TRUE : FALSE);
                } else {
                    byte[] bytes = ObjectDataType.serialize(value);
                    buffer.put(SERIALIZED).putVarInt(bytes.length).put(bytes);
                }
            }
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            int size = DataUtils.readVarInt(buffer);
            List<Object> key = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                byte tag = buffer.get();
                key.add(switch (tag) {
                    case NULL -> null;
                    case STRING -> DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
                    case INT -> DataUtils.readVarInt(buffer);
                    case LONG -> DataUtils.readVarLong(buffer);
                    case DOUBLE -> buffer.getDouble();
                    case FALSE -> Boolean.FALSE;
                    case TRUE -> Boolean.TRUE;
                    case SERIALIZED -> {
                        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
                        buffer.get(bytes);
                        yield ObjectDataType.deserialize(bytes);
                    }
                    default -> throw new IllegalStateException("Unknown index key value tag " + tag);
                });
            }
            return new KeyValue(key);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}

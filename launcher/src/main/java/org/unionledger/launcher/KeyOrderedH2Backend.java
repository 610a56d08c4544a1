package org.unionledger.launcher;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * mongo-java-server's H2 backend with its unique indexes (the {@code _id} index among them) kept in maps whose keys
 * compare as values.
 * <p>
 * The library opens every index map with MVStore's default {@link ObjectDataType}. That type does not know the
 * index keys' class ({@link KeyValue}, which is not {@link Comparable}), so it compares two keys by Java-serialising
 * both and comparing the bytes: every {@code _id} lookup serialises a dozen keys, and MVStore's background
 * compaction does the same for every key it moves. Under the monitoring benchmark that was a tenth of the server
 * JVM's CPU samples, and much of its garbage.
 * <p>
 * Here index maps order their keys with {@link KeyValueType} instead (mongo-java-server's own value order). Their
 * keys are stored in the same format; only the order of the tree differs, so the maps get names of their own
 * ({@value #INDEX_MAP_SUFFIX} appended). A data file written before has its index maps under the old names: those
 * are removed, and the new map, empty, is filled from the collection's documents when the library adds the index
 * on start-up (which it does for any empty index). Going back to the plain backend and forth again works the same
 * way: whichever finds the other's map drops the maps and rebuilds.
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
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            remove(getMvStore(), indexMapName(collection.getCollectionName(), indexName) + INDEX_MAP_SUFFIX, keyOrdered());
        }

        /** The name the library gives an index's map. */
        private String indexMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
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
     * the order stays total and agrees with {@link KeyValue#equals}. Stored as {@link ObjectDataType} stores them.
     */
    static final class KeyValueType extends BasicDataType<KeyValue> {

        private final ObjectDataType format = new ObjectDataType();
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
            return format.getMemory(key);
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            format.write(buffer, key);
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            return (KeyValue) format.read(buffer);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}

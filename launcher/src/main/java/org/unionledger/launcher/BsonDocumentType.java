package org.unionledger.launcher;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * The documents of an embedded MongoDB collection, stored as BSON. mongo-java-server keeps them with MVStore's
 * {@link ObjectDataType}, which Java-serialises every document it writes (a new object stream each time, with class
 * descriptors) and deserialises every document of a page it reads, compaction included: much of the embedded
 * server's CPU and allocation under load. BSON is what the wire already carries, written and read by the library's
 * own codec, so a stored document comes back as the server would have decoded it from a client.
 * <p>
 * Values are tagged, so a data file written before reads as it is: a value in the old form (Java-serialised, tag
 * {@code 19}) is read as before and written as BSON the next time its page is written. A document the codec cannot
 * encode (none that came in over the wire), or one too large for it to decode, is written in the old form, since a
 * failure while the background writer stores or rewrites a page would close the store.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** A tag {@link ObjectDataType} never writes (its tags end at 119). */
    static final byte BSON = 127;

    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));
    /** Keeps each thread's scratch buffer from holding on to a once-huge document. */
    private static final int SCRATCH_KEPT = 1 << 20;

    /** The largest BSON document {@link BsonDecoder} reads back: 16 MiB after its 4-byte length. */
    static final int MAX_READABLE = 16 * 1024 * 1024 + 4;

    private final ObjectDataType legacy = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = SCRATCH.get().clear();
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notEncodable) {
            legacy.write(buffer, document);
            return;
        } finally {
            if (bson.capacity() > SCRATCH_KEPT) {
                SCRATCH.remove();
            }
        }
        if (bson.readableBytes() > MAX_READABLE) {
            // The library's decoder refuses a document over 16 MiB, though its encoder writes one (updates are not
            // size-checked): stored as BSON, it could never be read back, and a failed read in the background writer
            // closes the store.
            legacy.write(buffer, document);
            return;
        }
        buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int position = buffer.position();
        if (buffer.get(position) != BSON) {
            return (Document) legacy.read(buffer);
        }
        int start = position + 1;
        int length = (buffer.get(start) & 0xff) | (buffer.get(start + 1) & 0xff) << 8
                     | (buffer.get(start + 2) & 0xff) << 16 | (buffer.get(start + 3) & 0xff) << 24;
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length)));
        buffer.position(start + length);
        return document;
    }

    /**
     * An estimate of the document's size on the heap (what MVStore's page cache and its commit threshold count), not
     * of its stored size: the library's estimate, twice the serialised size averaged over the documents written, was
     * neither.
     */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, memory(document));
    }

    private static long memory(Object value) {
        if (value instanceof Map<?, ?> map) {
            long memory = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 40 + memory(entry.getKey()) + memory(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> collection) {
            long memory = 40 + 8L * collection.size();
            for (Object element : collection) {
                memory += memory(element);
            }
            return memory;
        }
        if (value instanceof String string) {
            return 48 + string.length();
        }
        return value == null ? 0 : 24;
    }

    @Override
    public int compare(Document a, Document b) {
        // Values are never ordered; MVStore only asks whether two are the same (in a conditional replace).
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}

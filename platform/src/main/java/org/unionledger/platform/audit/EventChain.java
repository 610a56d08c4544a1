package org.unionledger.platform.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-evident chain over each aggregate's event stream.
 * <p>
 * An event's hash is SHA-256 over a canonical JSON document (keys sorted, no whitespace) holding the previous
 * event's hash, the event's identity (aggregate type and id, sequence number, event id), its timestamp in
 * milliseconds, its payload type and revision, its payload (the stored serialized JSON, re-written canonically) and
 * its metadata (every entry but the hash itself, as text). The first event of a stream chains onto {@link #GENESIS}.
 * Every field is one that both storage modes keep exactly, so the hash computed before the append can be recomputed
 * from what either store gives back.
 */
public final class EventChain {

    /** The metadata key that carries an event's chain hash. */
    public static final String HASH = "hash";
    /** What the first event of every stream chains onto. */
    public static final String GENESIS = "0".repeat(64);

    private static final int VERSION = 1;
    private static final ObjectMapper PARSER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonFactory JSON = new JsonFactory();

    private EventChain() {
    }

    /** The facts of one event that its hash covers. */
    public record Link(String aggregateType, String aggregateId, long sequence, String eventId, Instant timestamp,
                       String payloadType, String payloadRevision, byte[] payload, Map<String, String> metadata) {

        public static Link of(StoredEvent event) {
            return new Link(event.aggregateType(), event.aggregateId(), event.sequence(), event.eventId(),
                    event.timestamp(), event.payloadType(), event.payloadRevision(), event.payload(), event.metadata());
        }
    }

    /** The hash of {@code link} chained onto {@code previousHash}, as 64 lower-case hex digits. */
    public static String hash(String previousHash, Link link) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical(previousHash, link)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    static byte[] canonical(String previousHash, Link link) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(link.payload().length + 512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("aggregateId", link.aggregateId());
            json.writeStringField("aggregateType", link.aggregateType());
            json.writeStringField("eventId", link.eventId());
            json.writeFieldName("metadata");
            json.writeStartObject();
            for (Map.Entry<String, String> entry : new TreeMap<>(link.metadata()).entrySet()) {
                if (!HASH.equals(entry.getKey())) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
            }
            json.writeEndObject();
            json.writeFieldName("payload");
            writeSorted(json, PARSER.readTree(link.payload()));
            json.writeStringField("payloadRevision", link.payloadRevision());
            json.writeStringField("payloadType", link.payloadType());
            json.writeStringField("previous", previousHash);
            json.writeNumberField("sequence", link.sequence());
            json.writeNumberField("timestamp", link.timestamp().toEpochMilli());
            json.writeNumberField("v", VERSION);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the event's serialized payload as JSON", e);
        }
        return out.toByteArray();
    }

    private static void writeSorted(JsonGenerator json, JsonNode node) throws IOException {
        if (node == null || node.isMissingNode()) {
            json.writeNull();
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            json.writeStartObject();
            for (String name : names) {
                json.writeFieldName(name);
                writeSorted(json, node.get(name));
            }
            json.writeEndObject();
        } else if (node.isArray()) {
            json.writeStartArray();
            for (Iterator<JsonNode> elements = node.elements(); elements.hasNext(); ) {
                writeSorted(json, elements.next());
            }
            json.writeEndArray();
        } else {
            PARSER.writeTree(json, node);
        }
    }

    /** The text form of a metadata value, the same whichever store it was read back from. */
    public static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

}

package org.unionledger.query.audit.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.unionledger.platform.audit.StoredEvent;
import org.unionledger.platform.audit.StoredEvents;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes every stored event recorded in {@code [from, to)} to a stream as it reads it: one event per JSON line, or
 * one per CSV row. The store is read in batches and each row is written before the next is read, so memory stays
 * flat however large the range. Each event carries what is needed to recompute its hash chain offline: identity,
 * timestamp, stored payload type and revision, full metadata (hash included) and the stored payload JSON.
 */
public final class EventExport {

    /** The formats offered. */
    public enum Format {
        JSONL("application/x-ndjson", "jsonl"), CSV("text/csv", "csv");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    private static final int FLUSH_EVERY = 500;
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final CsvMapper CSV = (CsvMapper) new CsvMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final CsvSchema CSV_SCHEMA = CSV.schemaFor(CsvRow.class).withHeader();

    /** One exported event. */
    @JsonPropertyOrder({"position", "eventId", "aggregateType", "aggregateId", "sequence", "timestamp", "payloadType",
            "payloadRevision", "actor", "correlationId", "causationId", "hash", "metadata", "payload"})
    record JsonRow(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                   String timestamp, String payloadType, String payloadRevision, String actor, String correlationId,
                   String causationId, String hash, Map<String, String> metadata, JsonNode payload) {
    }

    /** The same in CSV, with the metadata and payload as JSON text in their columns. */
    @JsonPropertyOrder({"position", "eventId", "aggregateType", "aggregateId", "sequence", "timestamp", "payloadType",
            "payloadRevision", "actor", "correlationId", "causationId", "hash", "metadata", "payload"})
    record CsvRow(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                  String timestamp, String payloadType, String payloadRevision, String actor, String correlationId,
                  String causationId, String hash, String metadata, String payload) {
    }

    private EventExport() {
    }

    /** Writes the events in range to {@code out} and returns how many were written. Null bounds are open. */
    public static long write(StoredEvents store, Instant from, Instant to, Format format, OutputStream out) {
        long written = 0;
        try (Stream<StoredEvent> events = store.after(-1);
             SequenceWriter writer = format == Format.JSONL
                     ? JSON.writer().withRootValueSeparator("\n").writeValues(out)
                     : CSV.writer(CSV_SCHEMA).writeValues(out)) {
            for (Iterator<StoredEvent> it = events.iterator(); it.hasNext(); ) {
                StoredEvent event = it.next();
                if ((from != null && event.timestamp().isBefore(from)) || (to != null && !event.timestamp().isBefore(to))) {
                    continue;
                }
                writer.write(format == Format.JSONL ? jsonRow(event) : csvRow(event));
                if (++written % FLUSH_EVERY == 0) {
                    writer.flush();
                }
            }
            if (format == Format.JSONL && written > 0) {
                out.write('\n');
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the export failed", e);
        }
        return written;
    }

    private static JsonRow jsonRow(StoredEvent event) throws IOException {
        Map<String, String> metadata = event.metadata();
        return new JsonRow(event.position(), event.eventId(), event.aggregateType(), event.aggregateId(),
                event.sequence(), event.timestamp().toString(), event.payloadType(), event.payloadRevision(),
                metadata.get("actor"), metadata.get("correlationId"), metadata.get("causationId"),
                event.recordedHash(), new TreeMap<>(metadata), JSON.readTree(event.payload()));
    }

    private static CsvRow csvRow(StoredEvent event) throws IOException {
        JsonRow row = jsonRow(event);
        return new CsvRow(row.position(), row.eventId(), row.aggregateType(), row.aggregateId(), row.sequence(),
                row.timestamp(), row.payloadType(), row.payloadRevision(), row.actor(), row.correlationId(),
                row.causationId(), row.hash(), JSON.writeValueAsString(row.metadata()),
                JSON.writeValueAsString(row.payload()));
    }
}

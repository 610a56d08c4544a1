package org.unionledger.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The embedded mode's raw events: Axon's JDBC event table read with plain SQL. Whole-store scans page by global
 * index (keyset pagination), so memory stays at one batch however large the store is, and no connection is held
 * between batches.
 */
public class JdbcStoredEvents implements StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final EventSchema schema;
    private final int batchSize;

    public JdbcStoredEvents(DataSource dataSource, int batchSize) {
        this(dataSource, new EventSchema(), batchSize);
    }

    public JdbcStoredEvents(DataSource dataSource, EventSchema schema, int batchSize) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.batchSize = batchSize;
    }

    @Override
    public List<StoredEvent> ofAggregate(String aggregateId) {
        String sql = select() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? ORDER BY "
                + schema.sequenceNumberColumn();
        return query(sql, statement -> statement.setString(1, aggregateId));
    }

    @Override
    public Stream<StoredEvent> after(long position) {
        String sql = select() + " WHERE " + schema.globalIndexColumn() + " > ? ORDER BY " + schema.globalIndexColumn()
                + " FETCH FIRST " + batchSize + " ROWS ONLY";
        Iterator<StoredEvent> pages = new Iterator<>() {
            private long last = position;
            private Iterator<StoredEvent> page = List.<StoredEvent>of().iterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && !exhausted) {
                    List<StoredEvent> next = query(sql, statement -> statement.setLong(1, last));
                    exhausted = next.size() < batchSize;
                    page = next.iterator();
                }
                return page.hasNext();
            }

            @Override
            public StoredEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                StoredEvent event = page.next();
                last = event.position();
                return event;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    @Override
    public long headPosition() {
        String sql = "SELECT MAX(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            long head = result.getLong(1);
            return result.wasNull() ? -1 : head;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event store's head position", e);
        }
    }

    /** One indexed lookup of one column, rather than the default's read of a whole batch. */
    @Override
    public Optional<Instant> timestampAt(long position) {
        String sql = "SELECT " + schema.timestampColumn() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.globalIndexColumn() + " = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, position);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(DateTimeUtils.parseInstant(row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event store", e);
        }
    }

    private String select() {
        return "SELECT " + String.join(", ", schema.globalIndexColumn(), schema.typeColumn(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.eventIdentifierColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn()) + " FROM " + schema.domainEventTable();
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<StoredEvent> query(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.setFetchSize(batchSize);
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the event store", e);
        }
    }

    private static StoredEvent event(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                DateTimeUtils.parseInstant(row.getString(6)), row.getString(7), row.getString(8), row.getBytes(9),
                metadata(row.getBytes(10)));
    }

    static Map<String, String> metadata(byte[] serialized) {
        if (serialized == null || serialized.length == 0) {
            return Map.of();
        }
        try {
            JsonNode node = JSON.readTree(serialized);
            Map<String, String> metadata = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> metadata.put(field.getKey(), field.getValue().isValueNode()
                    ? (field.getValue().isNull() ? null : field.getValue().asText())
                    : field.getValue().toString()));
            return metadata;
        } catch (IOException e) {
            throw new UncheckedIOException("Stored metadata is not JSON", e);
        }
    }
}

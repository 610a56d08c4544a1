package org.unionledger.query.audit.export;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionledger.platform.audit.JdbcStoredEvents;
import org.unionledger.platform.eventstore.H2EventTableFactory;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs in its own JVM with a 64 MB heap (see the query side's pom) and exports about 180 MB of stored events: an
 * export that held the range in memory would fail with OutOfMemoryError; a streaming one passes.
 */
class EventExportSmallHeapTest {

    private static final int EVENTS = 120_000;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    static Path directory;
    static JdbcDataSource dataSource;

    @BeforeAll
    static void fillTheStore() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + directory.resolve("events") + ";CACHE_SIZE=4096");
        String filler = "x".repeat(1_400);
        try (Connection connection = dataSource.getConnection()) {
            H2EventTableFactory.INSTANCE.createDomainEventTable(connection, new EventSchema()).execute();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry "
                    + "(eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, "
                    + "payloadRevision, payload, metaData) VALUES (?, ?, ?, 'Member', ?, ?, '1', ?, ?)")) {
                for (int i = 0; i < EVENTS; i++) {
                    insert.setString(1, "event-" + i);
                    insert.setString(2, "member-" + (i / 10));
                    insert.setLong(3, i % 10);
                    insert.setString(4, org.axonframework.common.DateTimeUtils.formatInstant(START.plusSeconds(i)));
                    insert.setString(5, "org.unionledger.shared.member.MemberProfileUpdatedEvent");
                    insert.setBytes(6, ("{\"memberId\":\"member-" + (i / 10) + "\",\"note\":\"" + filler + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
                    insert.setBytes(7, ("{\"actor\":\"officer-" + (i % 7) + "\",\"hash\":\"" + "a".repeat(64) + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
                    insert.addBatch();
                    if (i % 1_000 == 999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }

    @Test
    void jsonLinesExportOfTheWholeRangeStreamsThroughASmallHeap() {
        LineCounter out = new LineCounter();
        long written = EventExport.write(new JdbcStoredEvents(dataSource, 1_000), START, START.plusSeconds(EVENTS),
                EventExport.Format.JSONL, out);

        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(100L * 1024 * 1024);
        assertThat(out.bytes).isGreaterThan(2L * Runtime.getRuntime().maxMemory());
        assertThat(written).isEqualTo(EVENTS);
        assertThat(out.lines).isEqualTo(EVENTS);
    }

    @Test
    void csvExportOfASubRangeCountsOnlyTheEventsInsideIt() {
        LineCounter out = new LineCounter();
        long written = EventExport.write(new JdbcStoredEvents(dataSource, 1_000), START.plusSeconds(1_000),
                START.plusSeconds(101_000), EventExport.Format.CSV, out);

        assertThat(written).isEqualTo(100_000);
        assertThat(out.lines).isEqualTo(100_000 + 1); // and the header
    }

    /** Counts what passes through and keeps none of it. */
    private static final class LineCounter extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}

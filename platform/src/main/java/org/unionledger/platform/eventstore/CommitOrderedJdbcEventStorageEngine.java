package org.unionledger.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Axon's JDBC engine with appends serialised until their transaction ends, so that global indexes become visible
 * in the order they were handed out.
 * <p>
 * Without this, two concurrent transactions can commit index 8 before index 7. A tracking processor then handles 8,
 * records a gap at 7, and handles 7 later. Projections whose idempotency rests on "the position of the last event
 * applied to this document" (the monitoring counters, the feed's cursor) would take the late 7 for a redelivery
 * and drop it. Axon Server never shows this: it hands out global tokens at commit.
 * <p>
 * Each append first updates the one row of {@value #LOCK_TABLE} in the same transaction. The row lock is held
 * until that transaction commits or rolls back, so the next append (on any connection, in any process sharing
 * the database) takes its index only after the previous one is visible or gone. A rolled-back append still leaves
 * a gap, but one that never fills, which is harmless. The cost is that event commits no longer overlap, which the
 * embedded H2 store hardly did anyway.
 */
public class CommitOrderedJdbcEventStorageEngine extends JdbcEventStorageEngine {

    public static final String LOCK_TABLE = "EVENT_APPEND_LOCK";

    protected CommitOrderedJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    /** Wraps Axon's builder: {@code new CommitOrderedJdbcEventStorageEngine(JdbcEventStorageEngine.builder()...)}. */
    public static CommitOrderedJdbcEventStorageEngine of(Builder builder) {
        return new CommitOrderedJdbcEventStorageEngine(builder);
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            if (lock.executeUpdate("UPDATE " + LOCK_TABLE + " SET APPENDS = APPENDS + 1 WHERE ID = 1") != 1) {
                throw new SQLException("The row of " + LOCK_TABLE + " is missing; createLockTable() was not run");
            }
        }
        return super.appendEvents(connection, events, serializer);
    }

    /** Creates the lock table and its one row if they are not there; safe to run from every service at start. */
    public void createLockTable() {
        try (Connection connection = getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS " + LOCK_TABLE
                    + " (ID INT NOT NULL PRIMARY KEY, APPENDS BIGINT NOT NULL)");
            statement.executeUpdate("INSERT INTO " + LOCK_TABLE + " (ID, APPENDS) SELECT 1, 0 FROM (VALUES (0)) AS ONE(X)"
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + LOCK_TABLE + " WHERE ID = 1)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (!lockRowExists()) {
                throw new IllegalStateException("Could not create " + LOCK_TABLE, e);
            }
            // Another service created it at the same moment.
        }
    }

    private boolean lockRowExists() {
        try (Connection connection = getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM " + LOCK_TABLE + " WHERE ID = 1")) {
            return rows.next() && rows.getLong(1) == 1;
        } catch (SQLException e) {
            return false;
        }
    }
}

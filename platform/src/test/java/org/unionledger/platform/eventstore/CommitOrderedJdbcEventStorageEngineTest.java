package org.unionledger.platform.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class CommitOrderedJdbcEventStorageEngineTest {

    private JdbcDataSource dataSource;
    private TransactionTemplate transactions;
    private CommitOrderedJdbcEventStorageEngine engine;
    private JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(transactionManager);
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        engine = CommitOrderedJdbcEventStorageEngine.of(JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(transactionManager))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(new EventSchema()));
        engine.createSchema(H2EventTableFactory.INSTANCE);
        engine.createLockTable();
        engine.createLockTable(); // a second service starting against the same database
        jdbc = new JdbcTemplate(dataSource);
    }

    private void append(String aggregateId, long sequence) {
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Member", aggregateId, sequence, "event " + sequence)));
    }

    @Test
    void anAppendTakesItsIndexOnlyAfterTheEarlierAppendsTransactionEnds() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstAppended = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            Future<?> first = threads.submit(() -> transactions.executeWithoutResult(status -> {
                append("m-1", 0);
                firstAppended.countDown();
                await(releaseFirst);
            }));
            assertThat(firstAppended.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> transactions.executeWithoutResult(status -> append("m-2", 0)));

            Thread.sleep(300);
            assertThat(second.isDone()).as("the second append waits for the first transaction").isFalse();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isZero();

            releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertThat(jdbc.queryForList("SELECT aggregateIdentifier FROM DomainEventEntry ORDER BY globalIndex", String.class))
                    .containsExactly("m-1", "m-2");
            assertThat(jdbc.queryForObject("SELECT APPENDS FROM " + CommitOrderedJdbcEventStorageEngine.LOCK_TABLE, Long.class))
                    .isEqualTo(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void concurrentWritersNeverLetALaterIndexBeSeenBeforeAnEarlierOne() throws Exception {
        int writers = 4;
        int appendsEach = 40;
        ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            Future<List<String>> reader = threads.submit(() -> {
                List<String> holes = new ArrayList<>();
                while (writing.get()) {
                    List<Long> visible = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry ORDER BY globalIndex", Long.class);
                    for (int i = 0; i < visible.size(); i++) {
                        if (visible.get(i) != i + 1) {
                            holes.add("saw " + visible + " with index " + (i + 1) + " not yet visible");
                            break;
                        }
                    }
                }
                return holes;
            });
            List<Future<?>> appends = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String member = "m-" + w;
                Random random = new Random(w);
                appends.add(threads.submit(() -> {
                    for (int sequence = 0; sequence < appendsEach; sequence++) {
                        long seq = sequence;
                        transactions.executeWithoutResult(status -> {
                            append(member, seq);
                            sleep(random.nextInt(3)); // work after the append, before the commit
                        });
                    }
                }));
            }
            for (Future<?> append : appends) {
                append.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertThat(reader.get(10, TimeUnit.SECONDS)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isEqualTo((long) writers * appendsEach);
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

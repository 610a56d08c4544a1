package org.unionledger.launcher;

import org.h2.jdbcx.JdbcDataSource;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.unionledger.platform.audit.ChainVerifier;
import org.unionledger.platform.audit.CheckpointStore;
import org.unionledger.platform.audit.JdbcStoredEvents;
import org.unionledger.platform.audit.StreamHeads;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar unionledger.jar verify [--unionledger.data-dir=./data]}: recomputes every hash chain of the
 * embedded event store and prints the first broken link. Exit status 0 when the trail is intact, 1 when it is
 * broken, 2 when the store cannot be read (for example while the system is running: H2 locks its file; a running
 * system answers {@code GET /api/audit/verify} instead).
 */
final class VerifyCommand {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int UNREADABLE = 2;

    private VerifyCommand() {
    }

    static int run(String[] args, PrintStream out) {
        Path dataDir = UnionLedger.bind(args).dataDir().toAbsolutePath().normalize();
        JdbcDataSource dataSource = new JdbcDataSource();
        // IFEXISTS: verifying a directory with no store must not create an empty one and call it intact.
        dataSource.setURL(UnionLedger.eventsUrl(dataDir) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r");
        dataSource.setUser(user(args));
        ChainVerifier.Report report;
        try {
            report = new ChainVerifier(new JdbcStoredEvents(dataSource, 1_000)).verifyAll(checkpoints(dataDir, out));
        } catch (RuntimeException e) {
            out.println("Cannot read the event store in " + dataDir + ": " + rootMessage(e));
            return UNREADABLE;
        }
        out.printf("Checked %d events in %d streams (head position %d).%n", report.events(), report.streams(),
                report.headPosition());
        out.printf("Checked %d stream-head checkpoint(s).%n", report.checkpointsChecked());
        for (ChainVerifier.CheckpointBreak broken : report.checkpointBreaks()) {
            out.printf("  CHECKPOINT position=%d taken=%s streams %d -> %d, events %d -> %d: %s%n", broken.position(),
                    broken.takenAt(), broken.recordedStreams(), broken.foundStreams(), broken.recordedEvents(),
                    broken.foundEvents(), broken.detail());
        }
        if (report.intact()) {
            out.println("Intact: every hash chain recomputes from the stored events.");
            return INTACT;
        }
        out.printf("BROKEN: %d stream(s) and %d checkpoint(s) fail verification.%n", report.brokenStreams(),
                report.checkpointBreaks().size());
        for (ChainVerifier.Break broken : report.breaks()) {
            out.printf("  %s aggregate=%s sequence=%d position=%d: %s%n", broken.kind(), broken.aggregateId(),
                    broken.sequence(), broken.position(), broken.detail());
        }
        return BROKEN;
    }

    /** The stream-head checkpoints kept in the embedded MongoDB's file, if there is one. */
    private static List<StreamHeads.Checkpoint> checkpoints(Path dataDir, PrintStream out) {
        Path file = dataDir.resolve("mongo").resolve("unionledger.mv");
        if (!Files.exists(file)) {
            out.println("No read-model store in " + dataDir + ": checking without checkpoints.");
            return List.of();
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.uri(UnionLedger.DATABASE))) {
            return new CheckpointStore(client.getDatabase(UnionLedger.DATABASE)).all();
        }
    }

    /** The embedded store's user, {@code sa} as configured for the services, unless given as an argument. */
    private static String user(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--spring.datasource.username=")) {
                return arg.substring("--spring.datasource.username=".length());
            }
        }
        return "sa";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

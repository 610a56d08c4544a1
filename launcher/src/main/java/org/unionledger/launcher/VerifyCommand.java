package org.unionledger.launcher;

import org.h2.jdbcx.JdbcDataSource;
import org.unionledger.platform.audit.ChainVerifier;
import org.unionledger.platform.audit.JdbcStoredEvents;

import java.io.PrintStream;
import java.nio.file.Path;

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
            report = new ChainVerifier(new JdbcStoredEvents(dataSource, 1_000)).verifyAll();
        } catch (RuntimeException e) {
            out.println("Cannot read the event store in " + dataDir + ": " + rootMessage(e));
            return UNREADABLE;
        }
        out.printf("Checked %d events in %d streams (head position %d).%n", report.events(), report.streams(),
                report.headPosition());
        if (report.intact()) {
            out.println("Intact: every hash chain recomputes from the stored events.");
            return INTACT;
        }
        out.printf("BROKEN: %d stream(s) fail verification.%n", report.brokenStreams());
        for (ChainVerifier.Break broken : report.breaks()) {
            out.printf("  %s aggregate=%s sequence=%d position=%d: %s%n", broken.kind(), broken.aggregateId(),
                    broken.sequence(), broken.position(), broken.detail());
        }
        return BROKEN;
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

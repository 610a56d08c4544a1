package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionledger.shared.member.Employment;
import org.unionledger.shared.member.Gender;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.PersonalDetails;
import org.unionledger.shared.union.UnionId;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitoring targets, measured: {@code ./mvnw -o -pl launcher -am -Pbench verify -Dtest=MonitoringBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Builds a tree of 1 federation, {@value #WARDS} upper-level and
 * {@value #GRASSROOTS_PER_WARD} grassroots unions per upper-level union over HTTP, appends {@value #MEMBERS} member
 * registrations straight to the event store (the command side's per-member lookups are not what is measured), times
 * the monitoring projection's catch-up, stops, and starts the system again on the same data in a JVM of its own
 * (as {@code java -jar} runs it, so the client's work and garbage stay in the test's JVM); then
 * <ol>
 *   <li>dashboard reads: {@value #READS} sequential {@code GET /api/unions/{id}/dashboard} for random unions, after
 *       {@value #WARM_UP} warm-up reads; client-side latency percentiles, timed on a blocking client (each read
 *       followed by one on the asynchronous {@code java.net.http} client, timed for comparison);</li>
 *   <li>projection lag under the command side's sustained rate: 2,000 registrations (after
 *       {@value #WARM_UP_COMMANDS} warm-up ones; {@code -Dbench.commands=N} to change) sent back to back
 *       over HTTP into one grassroots union while its dashboard stream is open; for each, the time from the 201 to
 *       the first pushed dashboard that counts it (an upper bound of the projection's lag: it includes the push).</li>
 * </ol>
 * Not part of the normal build; prints lines starting with BENCH.
 */
@Tag("bench")
class MonitoringBenchmark {

    private static final int WARDS = 10;
    private static final int GRASSROOTS_PER_WARD = 10;
    /** 100,000 for the figures reported; {@code -Dbench.members=N} for a quicker look. */
    private static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    private static final int WARM_UP = 5_000;
    private static final int READS = 5_000;
    private static final int WARM_UP_COMMANDS = 500;
    /** 2,000, so that the 99th percentile is the 20th-worst sample rather than the 5th. */
    private static final int COMMANDS = Integer.getInteger("bench.commands", 2_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void measuresDashboardReadsAndProjectionLag() throws Exception {
        // -Dbench.snapshot=DIR keeps the loaded data (the first run fills DIR, later runs copy it), so that the read
        // and lag measurements can be repeated without the load; a snapshot is only valid for the code that made it.
        String snapshotProperty = System.getProperty("bench.snapshot", "").strip();
        Path snapshot = snapshotProperty.isEmpty() ? null : Path.of(snapshotProperty);
        Loaded loaded;
        if (snapshot != null && Files.exists(snapshot.resolve(Loaded.FILE))) {
            copyTree(snapshot, dataDir);
            loaded = Loaded.read(dataDir);
            System.out.printf(Locale.ROOT, "BENCH monitoring load: %,d registrations from the snapshot in %s%n", loaded.members(), snapshot);
        } else {
            loaded = load();
            if (snapshot != null) {
                copyTree(dataDir, snapshot);
            }
        }
        List<String> unions = loaded.unions();
        List<String> grassroots = loaded.grassroots();
        String federation = unions.get(0);

        // Reads and lag are measured against the system as it runs in production: a JVM of its own (the launcher's
        // main class, on the same data), so that the client's work and garbage are not the server's.
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            JsonNode total = Http.get(server.queryPort, "/api/unions/" + federation + "/dashboard").body();
            assertThat(total.get("currentMembers").asLong()).isEqualTo(loaded.members());

            // Each read is timed on a blocking client; each is followed by one on the asynchronous java.net.http
            // client with the JSON parsed inside the timed span (how reads were timed until 2026-11-30), so that
            // both see the same server at the same moment. The second figure is printed for comparison only.
            Random random = new Random(7);
            for (int i = 0; i < WARM_UP; i++) {
                Blocking.get(server.queryPort, "/api/unions/" + unions.get(random.nextInt(unions.size())) + "/dashboard");
                Http.get(server.queryPort, "/api/unions/" + unions.get(random.nextInt(unions.size())) + "/dashboard");
            }
            long[] reads = new long[READS];
            long[] asyncReads = new long[READS];
            for (int i = 0; i < READS; i++) {
                String union = unions.get(random.nextInt(unions.size()));
                long t0 = System.nanoTime();
                int status = Blocking.get(server.queryPort, "/api/unions/" + union + "/dashboard");
                reads[i] = System.nanoTime() - t0;
                assertThat(status).isEqualTo(200);

                union = unions.get(random.nextInt(unions.size()));
                t0 = System.nanoTime();
                Http.Response response = Http.get(server.queryPort, "/api/unions/" + union + "/dashboard");
                asyncReads[i] = System.nanoTime() - t0;
                assertThat(response.status()).isEqualTo(200);
            }
            report("dashboard read (HTTP GET, blocking client, " + loaded.members() + " members, " + unions.size() + " unions)", reads);
            report("dashboard read (java.net.http client, JSON parsed, interleaved, for comparison)", asyncReads);

            // A server runs warm: the command path is exercised as long as the measurement before it counts.
            for (int i = 0; i < WARM_UP_COMMANDS; i++) {
                assertThat(Blocking.postJson(server.commandPort, "/api/members", Members.validRegistration("Warm-up member " + i,
                        grassroots.get(1 + i % (grassroots.size() - 1))))).isEqualTo(201);
            }
            measureLag(server.commandPort, server.queryPort, grassroots.get(0));
        }
    }

    /** Builds the tree over HTTP, appends the registrations straight to the store and times the catch-up. */
    private Loaded load() throws Exception {
        List<String> unions = new ArrayList<>();
        List<String> grassroots = new ArrayList<>();
        try (UnionLedger system = UnionLedger.start("--unionledger.data-dir=" + dataDir,
                "--unionledger.command-port=0", "--unionledger.query-port=0")) {
            Members.Tree tree = Members.Tree.build(system.commandPort(), "bench");
            unions.addAll(List.of(tree.federation(), tree.ward(), tree.grassroots()));
            for (int w = 0; w < WARDS; w++) {
                String ward = Members.establish(system.commandPort(), "ward " + w, "BW-" + w, "UPPER_LEVEL", "COMMUNE_WARD", tree.federation());
                unions.add(ward);
                for (int g = 0; g < GRASSROOTS_PER_WARD; g++) {
                    String union = Members.establish(system.commandPort(), "grassroots " + w + "." + g, "BG-" + w + "-" + g,
                            "GRASSROOTS", "ENTERPRISE", ward);
                    unions.add(union);
                    grassroots.add(union);
                }
            }
            long started = System.nanoTime();
            append(system.commandSide().getBean(EventStore.class), grassroots);
            double appendSeconds = (System.nanoTime() - started) / 1e9;
            awaitProcessors(system.queryPort());
            double catchUpSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "BENCH monitoring load: %,d registrations appended in %.1f s; projected (all processors) after %.1f s = %,.0f events/s%n",
                    MEMBERS, appendSeconds, catchUpSeconds, MEMBERS / catchUpSeconds);
        }
        Loaded loaded = new Loaded(MEMBERS, unions, grassroots);
        loaded.write(dataDir);
        return loaded;
    }

    /** What was loaded: the member count and the unions, federation first. */
    private record Loaded(int members, List<String> unions, List<String> grassroots) {

        static final String FILE = "bench-loaded.txt";

        void write(Path dir) throws java.io.IOException {
            List<String> lines = new ArrayList<>(List.of("members=" + members));
            unions.forEach(union -> lines.add((grassroots.contains(union) ? "grassroots=" : "union=") + union));
            Files.write(dir.resolve(FILE), lines);
        }

        static Loaded read(Path dir) throws java.io.IOException {
            int members = 0;
            List<String> unions = new ArrayList<>();
            List<String> grassroots = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve(FILE))) {
                String[] pair = line.split("=", 2);
                switch (pair[0]) {
                    case "members" -> members = Integer.parseInt(pair[1]);
                    case "grassroots" -> {
                        unions.add(pair[1]);
                        grassroots.add(pair[1]);
                    }
                    default -> unions.add(pair[1]);
                }
            }
            return new Loaded(members, unions, grassroots);
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The whole system in a JVM of its own, started as {@code java -jar unionledger.jar} would start it. */
    private record ServerProcess(Process process, int commandPort, int queryPort) implements AutoCloseable {

        static ServerProcess start(Path dataDir) throws Exception {
            int commandPort = freePort();
            int queryPort = freePort();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>(List.of(java.toString()));
            // e.g. -Dbench.serverJvmArgs=-XX:StartFlightRecording=filename=/tmp/server.jfr to profile the server
            String jvmArgs = System.getProperty("bench.serverJvmArgs", "").strip();
            if (!jvmArgs.isEmpty()) {
                command.addAll(List.of(jvmArgs.split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), UnionLedgerLauncher.class.getName(),
                    "--unionledger.data-dir=" + dataDir, "--unionledger.command-port=" + commandPort,
                    "--unionledger.query-port=" + queryPort));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("server.log").toFile())
                    .start();
            ServerProcess server = new ServerProcess(process, commandPort, queryPort);
            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                       .until(() -> process.isAlive() && Http.get(queryPort, "/actuator/health").status() == 200
                               && Http.get(commandPort, "/actuator/health").status() == 200);
                awaitProcessors(queryPort);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        }

        private static int freePort() throws java.io.IOException {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: the launcher's shutdown hook closes both services
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void measureLag(int commandPort, int queryPort, String union) throws Exception {
        ConcurrentSkipListMap<Long, Long> seen = new ConcurrentSkipListMap<>(); // current members -> when first pushed
        HttpURLConnection stream = (HttpURLConnection) URI.create("http://127.0.0.1:" + queryPort + "/api/unions/" + union
                                                                  + "/dashboard/stream").toURL().openConnection();
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    long received = System.nanoTime();
                    if (line.startsWith("data:")) {
                        long count = JSON.readTree(line.substring(5)).get("currentMembers").asLong();
                        seen.putIfAbsent(count, received);
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Unreadable dashboard pushed", e);
            } catch (java.io.IOException closed) {
                // the stream is closed at the end
            }
        }, "bench-sse");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !seen.isEmpty());
        long base = seen.lastKey();

        long[] acked = new long[COMMANDS];
        long started = System.nanoTime();
        for (int i = 0; i < COMMANDS; i++) {
            int status = Blocking.postJson(commandPort, "/api/members", Members.validRegistration("Lag member " + i, union));
            acked[i] = System.nanoTime();
            assertThat(status).isEqualTo(201);
        }
        double rate = COMMANDS / ((System.nanoTime() - started) / 1e9);
        await().atMost(Duration.ofSeconds(60)).until(() -> !seen.isEmpty() && seen.lastKey() >= base + COMMANDS);
        long[] lags = new long[COMMANDS];
        for (int i = 0; i < COMMANDS; i++) {
            long pushed = seen.ceilingEntry(base + i + 1).getValue();
            lags[i] = Math.max(0, pushed - acked[i]);
        }
        System.out.printf(Locale.ROOT, "BENCH sustained command rate: %,.0f registrations/s (one client, sequential)%n", rate);
        report("projection lag (201 to pushed dashboard)", lags);
        stream.disconnect();
    }

    /**
     * Requests on the JDK's blocking client ({@link HttpURLConnection}, connections kept alive): the calling thread
     * writes the request and reads the whole answer itself, with no hand-off between threads and nothing parsed, so
     * that what is timed is the server's answer and the socket, not the client's machinery.
     */
    private static final class Blocking {

        static int get(int port, String path) throws java.io.IOException {
            HttpURLConnection connection = open(port, path);
            return finish(connection);
        }

        static int postJson(int port, String path, String json) throws java.io.IOException {
            HttpURLConnection connection = open(port, path);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            return finish(connection);
        }

        private static HttpURLConnection open(int port, String path) throws java.io.IOException {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            return connection;
        }

        /** Reads the whole answer (so the connection is kept for the next request) and returns its status. */
        private static int finish(HttpURLConnection connection) throws java.io.IOException {
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            if (body != null) {
                try (body) {
                    body.readAllBytes();
                }
            }
            return status;
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "BENCH %s over %,d samples: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                what, sorted.length, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void append(EventStore events, List<String> grassroots) {
        Random random = new Random(11);
        int[] years = {1975, 1985, 1990, 1998, 2003};
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            MemberId member = MemberId.random();
            int year = years[random.nextInt(years.length)];
            MemberRegisteredEvent registered = new MemberRegisteredEvent(member, "Benchmark member " + i,
                    random.nextBoolean() ? Gender.FEMALE : Gender.MALE,
                    new PersonalDetails(String.format("001%d%02d%06d", year >= 2000 ? 2 : 0, year % 100, i),
                            LocalDate.of(year, 1, 1), "0912345678"),
                    new Employment("Seamstress", "Hanoi Textile Co.", null),
                    new UnionId(grassroots.get(random.nextInt(grassroots.size()))), LocalDate.of(2025, 8, 1), "VN");
            batch.add(new GenericDomainEventMessage<>("Member", member.value(), 0, registered,
                    MetaData.from(Map.of("actor", "bench", "correlationId", member.value(), "causationId", member.value()))));
            if (batch.size() == 1_000) {
                events.publish(batch);
                batch.clear();
            }
        }
        events.publish(batch);
    }

    private static void awaitProcessors(int queryPort) {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode all = Http.get(queryPort, "/api/operations/processors").body();
            for (JsonNode processor : all) {
                if (processor.path("position").asLong(-1) < processor.get("headPosition").asLong()) {
                    return false;
                }
            }
            return true;
        });
    }
}

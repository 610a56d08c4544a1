package org.unionledger.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server-sent events client for tests: reads the stream on its own thread and hands out events and comments. */
final class Sse implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String END = "\u0000end";

    record Event(String id, String data) {
    }

    private final int status;
    private final String contentType;
    private final InputStream body;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> comments = new ArrayList<>();

    private Sse(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.body = response.body();
        Thread reader = new Thread(this::readLines, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static Sse open(int port, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                 .header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            return new Sse(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    /** The whole body, for a refusal that is not a stream. */
    String rest() throws InterruptedException {
        StringBuilder text = new StringBuilder();
        String line;
        while ((line = lines.poll(10, TimeUnit.SECONDS)) != null && !line.equals(END)) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** The next event, skipping comments (which are kept); fails after the timeout. */
    Event next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String id = null;
        StringBuilder data = null;
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                throw new AssertionError("no event within " + timeout + (line == null ? "" : ": stream ended"));
            }
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(id, data.toString());
                }
                continue;
            }
            if (line.startsWith(":")) {
                synchronized (comments) {
                    comments.add(line.substring(1).strip());
                }
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).stripLeading());
            }
        }
    }

    /** Reads lines until a comment with this text arrives; fails on an event or after the timeout. */
    void awaitComment(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                throw new AssertionError("no ': " + text + "' within " + timeout);
            }
            if (line.startsWith("data:")) {
                throw new AssertionError("expected only comments, got " + line);
            }
            if (line.startsWith(":") && line.substring(1).strip().equals(text)) {
                return;
            }
        }
    }

    List<String> comments() {
        synchronized (comments) {
            return List.copyOf(comments);
        }
    }

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            lines.add(END);
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

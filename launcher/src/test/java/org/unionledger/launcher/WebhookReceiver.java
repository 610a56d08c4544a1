package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber's webhook endpoint on a free port: records every request, answers 500 to the first N and 204 after,
 * and can be slowed down. It verifies signatures the way a receiver is told to in docs/feed.md.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Delivery(long receivedAtNanos, int status, String timestamp, String signature, String subscription,
                    String attempt, String contentType, String body) {

        JsonNode event() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String eventId() {
            return event().get("id").asText();
        }

        boolean accepted() {
            return status / 100 == 2;
        }

        /** Recomputes the signature from the timestamp header and the body, compared in constant time. */
        boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = ("v1=" + HexFormat.of().formatHex(
                        mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)))).getBytes(StandardCharsets.US_ASCII);
                return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile long delayMillis;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 500 : 204;
            var headers = exchange.getRequestHeaders();
            synchronized (deliveries) {
                deliveries.add(new Delivery(System.nanoTime(), status, headers.getFirst("UnionLedger-Timestamp"),
                        headers.getFirst("UnionLedger-Signature"), headers.getFirst("UnionLedger-Subscription"),
                        headers.getFirst("UnionLedger-Attempt"), headers.getFirst("Content-Type"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code count} requests fail with 500. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    void delay(long millis) {
        delayMillis = millis;
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    List<Delivery> accepted() {
        return deliveries().stream().filter(Delivery::accepted).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<String> subjects(List<Delivery> deliveries) {
        List<String> subjects = new ArrayList<>();
        deliveries.forEach(delivery -> subjects.add(delivery.event().get("subject").asText()));
        return subjects;
    }
}

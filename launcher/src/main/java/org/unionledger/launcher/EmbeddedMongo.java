package org.unionledger.launcher;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server) keeping its data in one H2 MVStore file. The
 * services reach it through the real MongoDB driver over a real socket, exactly as they reach a real MongoDB.
 */
final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(H2Backend backend, MongoServer server, InetSocketAddress address) {
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    static EmbeddedMongo start(Path file, String host, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        H2Backend backend = new KeyOrderedH2Backend(store);
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB listening on {}:{} with data in {}", address.getHostString(), address.getPort(), file);
        return new EmbeddedMongo(backend, server, address);
    }

    /** The connection string for a database on this server. */
    String uri(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
        // Closing the backend commits and closes the MVStore, so everything written so far is on disk.
        backend.close();
    }
}

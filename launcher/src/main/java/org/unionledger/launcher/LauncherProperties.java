package org.unionledger.launcher;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * What the launcher itself is told, from command-line arguments ({@code --unionledger.data-dir=...}) or the
 * environment ({@code UNIONLEDGER_DATA_DIR}).
 *
 * @param dataDir       where events (H2) and read models, tokens and dead letters (MongoDB) are kept
 * @param embeddedMongo the in-process MongoDB server
 */
record LauncherProperties(@DefaultValue("./data") Path dataDir,
                          @DefaultValue EmbeddedMongoProperties embeddedMongo) {

    /**
     * @param host the address the embedded MongoDB listens on; loopback keeps it private to this machine
     * @param port its port; 0 picks a free one (the URI is logged)
     */
    record EmbeddedMongoProperties(@DefaultValue("127.0.0.1") String host,
                                   @DefaultValue("0") int port) {
    }
}

package org.unionledger.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.unionledger.command.CommandSideApplication;
import org.unionledger.query.QuerySideApplication;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole system in one JVM on embedded stores: an in-process MongoDB, then the command side and the query side,
 * each a Spring Boot application with its own configuration name. Both sides use the same H2 file for events; the
 * query side's processors read what the command side appends.
 */
public final class UnionLedger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnionLedger.class);
    static final String DATABASE = "unionledger";

    private final EmbeddedMongo mongo;
    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;
    private final Path dataDir;

    private UnionLedger(EmbeddedMongo mongo, ConfigurableApplicationContext commandSide,
                        ConfigurableApplicationContext querySide, Path dataDir) {
        this.mongo = mongo;
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.dataDir = dataDir;
    }

    /**
     * Starts everything. Arguments are Spring Boot arguments passed to both sides ({@code --name=value}), plus the
     * launcher's own {@code unionledger.data-dir} and {@code unionledger.embedded-mongo.*}.
     */
    public static UnionLedger start(String... args) {
        LauncherProperties properties = bind(args);
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        EmbeddedMongo mongo = EmbeddedMongo.start(dataDir.resolve("mongo").resolve("unionledger.mv"),
                properties.embeddedMongo().host(), properties.embeddedMongo().port());
        ConfigurableApplicationContext commandSide = null;
        try {
            List<String> sideArgs = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + eventsUrl(dataDir),
                    "--spring.data.mongodb.uri=" + mongo.uri(DATABASE),
                    "--axon.axonserver.enabled=false",
                    // The embedded server warns about every non-unique index it ignores; production MongoDB uses them.
                    "--logging.level.de.bwaldvogel.mongo.backend=ERROR"));
            sideArgs.addAll(List.of(args));
            String[] merged = sideArgs.toArray(String[]::new);
            commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                    .properties("spring.config.name=" + CommandSideApplication.CONFIG_NAME)
                    .registerShutdownHook(false)
                    .run(merged);
            ConfigurableApplicationContext querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                    .properties("spring.config.name=" + QuerySideApplication.CONFIG_NAME)
                    .registerShutdownHook(false)
                    .run(merged);
            UnionLedger system = new UnionLedger(mongo, commandSide, querySide, dataDir);
            log.info("UnionLedger is running: command side on port {}, query side on port {}, data in {}",
                    system.commandPort(), system.queryPort(), dataDir);
            return system;
        } catch (RuntimeException e) {
            if (commandSide != null) {
                commandSide.close();
            }
            mongo.close();
            throw e;
        }
    }

    /** The embedded event store's JDBC URL under the data directory. */
    static String eventsUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("events").resolve("events") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    static LauncherProperties bind(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment)
                     .bindOrCreate("unionledger", LauncherProperties.class);
    }

    public int commandPort() {
        return port(commandSide);
    }

    public int queryPort() {
        return port(querySide);
    }

    public Path dataDir() {
        return dataDir;
    }

    public ConfigurableApplicationContext commandSide() {
        return commandSide;
    }

    public ConfigurableApplicationContext querySide() {
        return querySide;
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** Stops the query side first (its processors store their last tokens), then the command side, then MongoDB. */
    @Override
    public void close() {
        querySide.close();
        commandSide.close();
        mongo.close();
    }
}

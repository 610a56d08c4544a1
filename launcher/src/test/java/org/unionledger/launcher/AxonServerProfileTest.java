package org.unionledger.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.unionledger.command.CommandSideApplication;
import org.unionledger.query.QuerySideApplication;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production profile is chosen by configuration alone, starts although neither Axon Server nor MongoDB can be
 * reached, and says so through its health endpoint instead of hanging or claiming to be healthy.
 */
class AxonServerProfileTest {

    @Test
    void commandSideStartsWithoutAxonServerOrMongoAndReportsBothDown() throws IOException {
        assertReportsDown(CommandSideApplication.class, CommandSideApplication.CONFIG_NAME);
    }

    @Test
    void querySideStartsWithoutAxonServerOrMongoAndReportsBothDown() throws IOException {
        assertReportsDown(QuerySideApplication.class, QuerySideApplication.CONFIG_NAME);
    }

    private static void assertReportsDown(Class<?> application, String configName) throws IOException {
        int closedPort = unusedPort();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .properties("spring.config.name=" + configName)
                .run("--spring.profiles.active=axonserver",
                        "--server.port=0",
                        "--axon.axonserver.servers=127.0.0.1:" + closedPort,
                        "--spring.data.mongodb.uri=mongodb://127.0.0.1:" + closedPort + "/unionledger",
                        "--unionledger.mongo.server-selection-timeout=300ms")) {

            assertThat(context.containsBean("dataSource")).as("no relational database in production").isFalse();
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

            Http.Response health = await().atMost(Duration.ofSeconds(20))
                                          .until(() -> Http.get(port, "/actuator/health"), r -> r.status() == 503);
            JsonNode body = health.body();
            assertThat(body.get("status").asText()).isEqualTo("DOWN");
            assertThat(body.at("/components/axonServer/status").asText()).isEqualTo("DOWN");
            assertThat(body.at("/components/mongo/status").asText()).isEqualTo("DOWN");
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package org.unionledger.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The command side: aggregates, command handlers and the REST API that sends commands. */
@SpringBootApplication
public class CommandSideApplication {

    /** Its configuration files are {@code command-side.yml} and {@code command-side-<profile>.yml}. */
    public static final String CONFIG_NAME = "command-side";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}

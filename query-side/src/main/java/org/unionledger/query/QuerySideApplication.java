package org.unionledger.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The query side: projections into MongoDB, query handlers and the read API. */
@SpringBootApplication
public class QuerySideApplication {

    /** Its configuration files are {@code query-side.yml} and {@code query-side-<profile>.yml}. */
    public static final String CONFIG_NAME = "query-side";

    public static void main(String[] args) {
        new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}

package org.unionledger.platform.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the project's Jackson module on the ObjectMapper that Spring MVC and Axon's serializer share. */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
public class JsonAutoConfiguration {

    @Bean
    TypedIdModule typedIdModule() {
        return new TypedIdModule();
    }
}

package org.unionledger.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.unionledger.shared.integration.PublishedEventTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas committed under {@code docs/feed/schemas} are the published contract. A change to a record that would
 * break a receiver fails here (publish a new version beside it instead); a compatible change, or a new type, fails
 * until the committed schemas are refreshed with {@code -Dunionledger.feed.write-schemas=true}, which never
 * overwrites a schema incompatibly.
 */
class PublishedSchemasTest {

    private static final Path COMMITTED = Path.of("..", "docs", "feed", "schemas");
    private static final boolean WRITE = Boolean.getBoolean("unionledger.feed.write-schemas");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void publishedSchemasChangeOnlyCompatiblyAndNoPublishedTypeDisappears() throws IOException {
        Map<String, ObjectNode> current = FeedSchemas.all();
        List<String> problems = new ArrayList<>();
        for (Path file : committedFiles()) {
            String type = file.getFileName().toString().replaceFirst("\\.json$", "");
            if (!current.containsKey(type)) {
                problems.add(type + ": published type removed");
                continue;
            }
            SchemaCompatibility.breakingChanges(JSON.readTree(file.toFile()), current.get(type))
                               .forEach(problem -> problems.add(type + " " + problem));
        }
        assertThat(problems).as("incompatible changes to published schemas: add a new version beside the old one")
                            .isEmpty();
    }

    @Test
    void committedSchemasAreExactlyTheGeneratedOnes() throws IOException {
        Map<String, ObjectNode> current = FeedSchemas.all();
        if (WRITE) {
            Files.createDirectories(COMMITTED);
            for (Map.Entry<String, ObjectNode> schema : current.entrySet()) {
                Path file = COMMITTED.resolve(schema.getKey() + ".json");
                if (Files.exists(file)) {
                    assertThat(SchemaCompatibility.breakingChanges(JSON.readTree(file.toFile()), schema.getValue()))
                            .as("refusing to overwrite " + file + " incompatibly").isEmpty();
                }
                Files.writeString(file, JSON.writeValueAsString(schema.getValue()) + "\n");
            }
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> schema : current.entrySet()) {
            Path file = COMMITTED.resolve(schema.getKey() + ".json");
            if (!Files.exists(file) || !JSON.readTree(file.toFile()).equals(schema.getValue())) {
                stale.add(schema.getKey());
            }
        }
        assertThat(stale).as("docs/feed/schemas is out of date; refresh with -Dunionledger.feed.write-schemas=true")
                         .isEmpty();
        assertThat(committedFiles()).hasSize(PublishedEventTypes.ALL.size());
    }

    @Test
    void memberRegisteredSchemaNamesItsFieldsTypesAndRequiredOnes() {
        ObjectNode schema = FeedSchemas.all().get("member.registered.v1");

        assertThat(schema.get("$id").asText()).isEqualTo("urn:unionledger:feed:schema:member.registered.v1");
        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.at("/properties/joinedOn/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/joinedOn/format").asText()).isEqualTo("date");
        assertThat(schema.at("/properties/memberId/type").asText()).isEqualTo("string");
        assertThat(schema.get("properties").has("nationalId")).isFalse();
        assertThat(names(schema.get("required"))).containsExactlyInAnyOrder("memberId", "fullName", "gender", "unionId",
                "joinedOn", "nationality", "occupation", "workplace");
        ObjectNode established = FeedSchemas.all().get("union.established.v1");
        assertThat(names(established.get("required"))).doesNotContain("parentId");
        assertThat(established.at("/properties/parentId/type").asText()).isEqualTo("string");
        ObjectNode paid = FeedSchemas.all().get("member.dues-paid.v1");
        assertThat(paid.at("/properties/amount/type").asText()).isEqualTo("integer");
    }

    @Test
    void detectsRemovedPropertiesChangedTypesAndNewlyRequiredOnes() throws IOException {
        JsonNode published = JSON.readTree("""
                {"type": "object", "required": ["a"],
                 "properties": {"a": {"type": "string"}, "b": {"type": "string", "format": "date"}, "c": {"type": "integer"}}}
                """);
        JsonNode broken = JSON.readTree("""
                {"type": "object", "required": ["a", "d"],
                 "properties": {"a": {"type": "integer"}, "b": {"type": "string", "format": "date-time"}, "d": {"type": "string"}}}
                """);
        JsonNode extended = JSON.readTree("""
                {"type": "object", "required": ["a"],
                 "properties": {"a": {"type": "string"}, "b": {"type": "string", "format": "date"}, "c": {"type": "integer"},
                                "e": {"type": "string"}}}
                """);

        assertThat(SchemaCompatibility.breakingChanges(published, broken)).containsExactlyInAnyOrder(
                "$.d: newly required",
                "$.a: type changed from \"string\" to \"integer\"",
                "$.b: format changed from \"date\" to \"date-time\"",
                "$.c: removed");
        assertThat(SchemaCompatibility.breakingChanges(published, extended)).isEmpty();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static List<Path> committedFiles() throws IOException {
        if (!Files.isDirectory(COMMITTED)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(COMMITTED)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }
}

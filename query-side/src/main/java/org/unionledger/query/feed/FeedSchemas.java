package org.unionledger.query.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import org.unionledger.shared.integration.MayBeAbsent;
import org.unionledger.shared.integration.PublishedEventType;
import org.unionledger.shared.integration.PublishedEventTypes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON Schema of every published type, generated from its record (never written by hand): every field is
 * required unless marked {@link MayBeAbsent}; extra properties are allowed, since a version may gain optional fields.
 * The same schemas are committed under {@code docs/feed/schemas}; a test keeps the two in step and refuses an
 * incompatible change.
 */
final class FeedSchemas {

    private static final Map<String, ObjectNode> SCHEMAS = generate();

    private FeedSchemas() {
    }

    /** Every published type's schema, in catalogue order. */
    static Map<String, ObjectNode> all() {
        Map<String, ObjectNode> copy = new LinkedHashMap<>();
        SCHEMAS.forEach((type, schema) -> copy.put(type, schema.deepCopy()));
        return copy;
    }

    static ObjectNode of(String type) {
        ObjectNode schema = SCHEMAS.get(type);
        return schema == null ? null : schema.deepCopy();
    }

    private static Map<String, ObjectNode> generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields()
              .withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(MayBeAbsent.class) == null);
        SchemaGenerator generator = new SchemaGenerator(config.build());
        Map<String, ObjectNode> schemas = new LinkedHashMap<>();
        for (PublishedEventType type : PublishedEventTypes.ALL) {
            ObjectNode generated = generator.generateSchema(type.payload());
            ObjectNode schema = generated.objectNode();
            schema.put("$schema", SchemaVersion.DRAFT_2020_12.getIdentifier());
            schema.put("$id", FeedEnvelope.schemaUri(type.type()).toString());
            schema.put("title", type.type());
            schema.setAll(generated);
            schemas.put(type.type(), schema);
        }
        return schemas;
    }
}

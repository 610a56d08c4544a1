package org.unionledger.query.feed;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a new schema still accepts what receivers written against the old one rely on: no property removed, no
 * type or format changed, no property newly required, no allowed value withdrawn. Adding an optional property is
 * compatible (receivers ignore what they do not know).
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** The incompatible changes from {@code published} to {@code current}; empty when compatible. */
    static List<String> breakingChanges(JsonNode published, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare(published, current, "$", problems);
        return problems;
    }

    private static void compare(JsonNode published, JsonNode current, String path, List<String> problems) {
        if (current == null || current.isMissingNode()) {
            problems.add(path + ": removed");
            return;
        }
        for (String keyword : List.of("type", "format", "pattern", "const")) {
            if (published.has(keyword) && !published.get(keyword).equals(current.get(keyword))) {
                problems.add(path + ": " + keyword + " changed from " + published.get(keyword) + " to " + current.get(keyword));
            }
        }
        if (published.has("enum")) {
            Set<JsonNode> allowed = new HashSet<>();
            current.path("enum").forEach(allowed::add);
            published.get("enum").forEach(value -> {
                if (!allowed.contains(value)) {
                    problems.add(path + ": value " + value + " no longer allowed");
                }
            });
        }
        Set<String> requiredBefore = names(published.path("required"));
        for (String name : names(current.path("required"))) {
            if (!requiredBefore.contains(name)) {
                problems.add(path + "." + name + ": newly required");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> properties = published.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            compare(property.getValue(), current.path("properties").path(property.getKey()),
                    path + "." + property.getKey(), problems);
        }
        if (published.has("items")) {
            compare(published.get("items"), current.path("items"), path + "[]", problems);
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}

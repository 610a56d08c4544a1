package org.unionledger.query.feed;

import org.springframework.http.HttpStatus;
import org.unionledger.platform.web.ApiException;
import org.unionledger.shared.integration.PublishedEventTypes;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** A type filter as clients give it: comma-separated or repeated; empty means every type; an unknown type is a 400. */
public final class FeedTypes {

    private FeedTypes() {
    }

    public static Set<String> parse(Collection<String> raw) {
        Set<String> types = new LinkedHashSet<>();
        if (raw == null) {
            return types;
        }
        for (String entry : raw) {
            for (String type : entry.split(",")) {
                String trimmed = type.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (PublishedEventTypes.byType(trimmed).isEmpty()) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_EVENT_TYPE", "types",
                            "'" + trimmed + "' is not a published event type (see /api/feed/catalogue)");
                }
                types.add(trimmed);
            }
        }
        return Set.copyOf(types);
    }
}

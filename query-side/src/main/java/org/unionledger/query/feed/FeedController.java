package org.unionledger.query.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.unionledger.platform.web.ApiException;
import org.unionledger.shared.integration.PublishedEventTypes;

import java.util.List;
import java.util.Map;

/** Integrators pull the feed page by page, and read the catalogue of types with their JSON Schemas. */
@RestController
@RequestMapping(path = "/api/feed", produces = MediaType.APPLICATION_JSON_VALUE)
class FeedController {

    private final FeedReader reader;
    private final FeedStreams streams;
    private final FeedProperties properties;

    FeedController(FeedReader reader, FeedStreams streams, FeedProperties properties) {
        this.reader = reader;
        this.streams = streams;
        this.properties = properties;
    }

    /** {@code GET /api/feed?after=<position>&limit=<n>&types=a,b}: the events after a position, in global order. */
    @GetMapping
    FeedPage page(@RequestParam(required = false) String after,
                  @RequestParam(required = false) Integer limit,
                  @RequestParam(required = false) List<String> types) {
        long position = FeedPositions.parse(after, "after");
        int size = limit == null ? properties.defaultPageSize() : limit;
        if (size < 1 || size > properties.maxPageSize()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_LIMIT", "limit",
                    "limit must be between 1 and " + properties.maxPageSize());
        }
        FeedReader.Batch batch = reader.read(position, size, FeedTypes.parse(types));
        return new FeedPage(batch.entries().stream().map(FeedReader.Entry::event).toList(), Long.toString(batch.next()));
    }

    /**
     * {@code GET /api/feed/stream?after=<position>&types=a,b}: the events after a position as server-sent events, then
     * live. Each event's SSE {@code id} is its position, so a reconnecting client's {@code Last-Event-ID} resumes right
     * after the last event it received (it takes precedence over {@code after}).
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String after,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(required = false) List<String> types) {
        long position = lastEventId != null && !lastEventId.isBlank()
                ? FeedPositions.parse(lastEventId, "Last-Event-ID")
                : FeedPositions.parse(after, "after");
        return streams.open(position, FeedTypes.parse(types));
    }

    /** {@code GET /api/feed/catalogue}: every published type with its JSON Schema. */
    @GetMapping("/catalogue")
    Catalogue catalogue() {
        Map<String, ObjectNode> schemas = FeedSchemas.all();
        return new Catalogue("1.0", FeedEnvelope.POSITION_EXTENSION, PublishedEventTypes.ALL.stream()
                .map(type -> new Catalogue.Type(type.type(), type.aggregate() + "/{id}",
                        FeedEnvelope.schemaUri(type.type()).toString(), schemas.get(type.type())))
                .toList());
    }

    /** The catalogue: the CloudEvents version, the position extension's name, and every type. */
    record Catalogue(String specversion, String positionExtension, List<Type> types) {
        record Type(String type, String subject, String dataschema, ObjectNode schema) {
        }
    }

    /** {@code GET /api/feed/catalogue/{type}}: one type's JSON Schema. */
    @GetMapping(path = "/catalogue/{type}", produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
    ObjectNode schema(@PathVariable String type) {
        ObjectNode schema = FeedSchemas.of(type);
        if (schema == null) {
            throw ApiException.notFound("EVENT_TYPE_NOT_FOUND", "No published event type " + type);
        }
        return schema;
    }

}

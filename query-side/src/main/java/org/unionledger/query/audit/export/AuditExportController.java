package org.unionledger.query.audit.export;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.unionledger.platform.audit.StoredEvents;
import org.unionledger.platform.web.ApiException;

import java.time.Instant;
import java.util.Locale;

/**
 * {@code GET /api/audit/export?from=&to=&format=jsonl|csv}: every event recorded in {@code [from, to)} with its
 * metadata and hash, streamed (chunked) as it is read from the store. Both bounds are optional.
 */
@RestController
class AuditExportController {

    private final StoredEvents store;

    AuditExportController(StoredEvents store) {
        this.store = store;
    }

    @GetMapping("/api/audit/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "jsonl") String format) {
        EventExport.Format chosen = format(format);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest("INVALID_RANGE", "to", "to must be after from");
        }
        StreamingResponseBody body = out -> EventExport.write(store, from, to, chosen, out);
        return ResponseEntity.ok()
                             .contentType(MediaType.parseMediaType(chosen.mediaType))
                             .header(HttpHeaders.CONTENT_DISPOSITION,
                                     "attachment; filename=\"unionledger-events." + chosen.extension + "\"")
                             .body(body);
    }

    private static EventExport.Format format(String format) {
        try {
            return EventExport.Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FORMAT", "format", "format must be 'jsonl' or 'csv'");
        }
    }
}

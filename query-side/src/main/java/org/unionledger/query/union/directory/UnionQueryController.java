package org.unionledger.query.union.directory;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.platform.web.ApiException;
import org.unionledger.query.audit.asof.AsOfReader;
import org.unionledger.query.audit.asof.UnionTreeNode;
import org.unionledger.shared.union.FindUnionQuery;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionView;

import java.time.Clock;
import java.time.Instant;

/** Reads of union organisations. */
@RestController
@RequestMapping(path = "/api/unions", produces = MediaType.APPLICATION_JSON_VALUE)
class UnionQueryController {

    private final QueryGateway queries;
    private final AsOfReader asOfReader;
    private final Clock clock;

    UnionQueryController(QueryGateway queries, AsOfReader asOfReader, Clock clock) {
        this.queries = queries;
        this.asOfReader = asOfReader;
        this.clock = clock;
    }

    /**
     * The organisation tree under a union as the recorded events said at {@code asOf} (default: now), rebuilt from
     * the event store: restructurings recorded later are not applied.
     */
    @GetMapping("/{unionId}/tree")
    UnionTreeNode tree(@PathVariable String unionId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return asOfReader.unionTree(unionId, asOf == null ? clock.instant() : asOf);
    }

    /** A union with its direct children (all of them, whatever their status). */
    @GetMapping("/{unionId}")
    UnionView union(@PathVariable String unionId) {
        return queries.query(new FindUnionQuery(new UnionId(unionId)), ResponseTypes.optionalInstanceOf(UnionView.class))
                      .join()
                      .orElseThrow(() -> ApiException.notFound("UNION_NOT_FOUND", "No union with id " + unionId));
    }
}

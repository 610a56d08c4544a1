package org.unionledger.query.union.directory;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.platform.web.ApiException;
import org.unionledger.shared.union.FindUnionQuery;
import org.unionledger.shared.union.UnionId;
import org.unionledger.shared.union.UnionView;

/** Reads of union organisations. */
@RestController
@RequestMapping(path = "/api/unions", produces = MediaType.APPLICATION_JSON_VALUE)
class UnionQueryController {

    private final QueryGateway queries;

    UnionQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    /** A union with its direct children (all of them, whatever their status). */
    @GetMapping("/{unionId}")
    UnionView union(@PathVariable String unionId) {
        return queries.query(new FindUnionQuery(new UnionId(unionId)), ResponseTypes.optionalInstanceOf(UnionView.class))
                      .join()
                      .orElseThrow(() -> ApiException.notFound("UNION_NOT_FOUND", "No union with id " + unionId));
    }
}

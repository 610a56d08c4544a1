package org.unionledger.query.member.directory;

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
import org.unionledger.shared.member.FindMemberQuery;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberView;

import java.time.Instant;

/** Reads of members' current state. */
@RestController
@RequestMapping(path = "/api/members", produces = MediaType.APPLICATION_JSON_VALUE)
class MemberQueryController {

    private final QueryGateway queries;
    private final AsOfReader asOfReader;

    MemberQueryController(QueryGateway queries, AsOfReader asOfReader) {
        this.queries = queries;
        this.asOfReader = asOfReader;
    }

    /**
     * The member's current state from the read model or, with {@code asOf}, as their events say they were at that
     * instant (see {@code audit.asof}).
     */
    @GetMapping("/{memberId}")
    MemberView member(@PathVariable String memberId,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (asOf != null) {
            return asOfReader.member(memberId, asOf);
        }
        return queries.query(new FindMemberQuery(new MemberId(memberId)), ResponseTypes.optionalInstanceOf(MemberView.class))
                      .join()
                      .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND", "No member with id " + memberId));
    }
}

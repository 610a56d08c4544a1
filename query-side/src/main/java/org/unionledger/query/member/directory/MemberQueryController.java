package org.unionledger.query.member.directory;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.platform.web.ApiException;
import org.unionledger.shared.member.FindMemberQuery;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberView;

/** Reads of members' current state. */
@RestController
@RequestMapping(path = "/api/members", produces = MediaType.APPLICATION_JSON_VALUE)
class MemberQueryController {

    private final QueryGateway queries;

    MemberQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{memberId}")
    MemberView member(@PathVariable String memberId) {
        return queries.query(new FindMemberQuery(new MemberId(memberId)), ResponseTypes.optionalInstanceOf(MemberView.class))
                      .join()
                      .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND", "No member with id " + memberId));
    }
}

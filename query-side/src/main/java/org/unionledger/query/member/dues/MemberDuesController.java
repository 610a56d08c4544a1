package org.unionledger.query.member.dues;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.platform.web.ApiException;
import org.unionledger.shared.member.FindMemberDuesQuery;
import org.unionledger.shared.member.MemberDuesStatus;
import org.unionledger.shared.member.MemberId;

/** Reads of members' dues. */
@RestController
@RequestMapping(path = "/api/members", produces = MediaType.APPLICATION_JSON_VALUE)
class MemberDuesController {

    private final QueryGateway queries;

    MemberDuesController(QueryGateway queries) {
        this.queries = queries;
    }

    /** Months paid, exempt and in arrears. */
    @GetMapping("/{memberId}/dues")
    MemberDuesStatus dues(@PathVariable String memberId) {
        return queries.query(new FindMemberDuesQuery(new MemberId(memberId)),
                              ResponseTypes.optionalInstanceOf(MemberDuesStatus.class))
                      .join()
                      .orElseThrow(() -> ApiException.notFound("MEMBER_NOT_FOUND", "No member with id " + memberId));
    }
}

package org.unionledger.command.member;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.command.common.IfMatch;
import org.unionledger.command.web.CommandAccepted;
import org.unionledger.command.web.IdempotentCommands;
import org.unionledger.shared.member.AcceptTransferCommand;
import org.unionledger.shared.member.CancelTransferCommand;
import org.unionledger.shared.member.EndMembershipCommand;
import org.unionledger.shared.member.ExemptDuesMonthCommand;
import org.unionledger.shared.member.RecordDuesPaymentCommand;
import org.unionledger.shared.member.IssueMembershipCardCommand;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.ReinstateMemberCommand;
import org.unionledger.shared.member.RejectTransferCommand;
import org.unionledger.shared.member.ReissueMembershipCardCommand;
import org.unionledger.shared.member.RequestTransferCommand;
import org.unionledger.shared.member.SuspendMemberCommand;
import org.unionledger.shared.member.UpdateMemberProfileCommand;
import org.unionledger.shared.member.Employment;
import org.unionledger.shared.union.UnionId;

/** Commands on members: registration, card, profile, suspension, ending and transfers. */
@RestController
@RequestMapping(path = "/api/members", produces = MediaType.APPLICATION_JSON_VALUE)
class MemberCommandController {

    private static final String KEY = IdempotentCommands.HEADER;

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;

    MemberCommandController(CommandGateway commands, IdempotentCommands idempotent) {
        this.commands = commands;
        this.idempotent = idempotent;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterMemberRequest request,
                                             @RequestHeader(name = KEY, required = false) String key) {
        MemberId memberId = new MemberId(IdempotentCommands.newAggregateId("member", key));
        return idempotent.run(key, "POST /api/members", request, memberId.value(), HttpStatus.CREATED, () -> {
            commands.sendAndWait(request.toCommand(memberId));
            return 0;
        });
    }

    @PostMapping(path = "/{memberId}/card", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> issueCard(@PathVariable String memberId,
                                              @Valid @RequestBody MemberRequests.IssueCard request,
                                              @RequestHeader(name = KEY, required = false) String key,
                                              @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(memberId, "card", request, key, new IssueMembershipCardCommand(new MemberId(memberId),
                request.issuedOn(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{memberId}/card/reissue", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> reissueCard(@PathVariable String memberId,
                                                @Valid @RequestBody MemberRequests.ReissueCard request,
                                                @RequestHeader(name = KEY, required = false) String key,
                                                @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(memberId, "card/reissue", request, key, new ReissueMembershipCardCommand(new MemberId(memberId),
                request.reason(), request.issuedOn(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{memberId}/profile", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> updateProfile(@PathVariable String memberId,
                                                  @Valid @RequestBody MemberRequests.UpdateProfile request,
                                                  @RequestHeader(name = KEY, required = false) String key,
                                                  @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        Employment employment = new Employment(request.employment().occupation().strip(),
                request.employment().workplace().strip(), request.employment().contractMonths());
        return send(memberId, "profile", request, key, new UpdateMemberProfileCommand(new MemberId(memberId),
                request.fullName(), RegisterMemberRequest.nationalMobileForm(request.phone()), employment,
                IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{memberId}/suspend", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> suspend(@PathVariable String memberId,
                                            @Valid @RequestBody MemberRequests.Reasoned request,
                                            @RequestHeader(name = KEY, required = false) String key,
                                            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(memberId, "suspend", request, key, new SuspendMemberCommand(new MemberId(memberId),
                request.reason(), request.effectiveOn(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{memberId}/reinstate", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> reinstate(@PathVariable String memberId,
                                              @Valid @RequestBody MemberRequests.Reasoned request,
                                              @RequestHeader(name = KEY, required = false) String key,
                                              @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(memberId, "reinstate", request, key, new ReinstateMemberCommand(new MemberId(memberId),
                request.reason(), request.effectiveOn(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{memberId}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> end(@PathVariable String memberId, @Valid @RequestBody MemberRequests.End request,
                                        @RequestHeader(name = KEY, required = false) String key,
                                        @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(memberId, "end", request, key, new EndMembershipCommand(new MemberId(memberId), request.reason(),
                request.endedOn(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{memberId}/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> requestTransfer(@PathVariable String memberId,
                                                    @Valid @RequestBody MemberRequests.RequestTransfer request,
                                                    @RequestHeader(name = KEY, required = false) String key,
                                                    @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(memberId, "transfers", request, key, new RequestTransferCommand(new MemberId(memberId),
                new UnionId(request.toUnionId()), request.newWorkplace(), request.reason(), request.requestedOn(),
                IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{memberId}/transfers/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> acceptTransfer(@PathVariable String memberId,
                                                   @Valid @RequestBody MemberRequests.AcceptTransfer request,
                                                   @RequestHeader(name = KEY, required = false) String key,
                                                   @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(memberId, "transfers/accept", request, key, new AcceptTransferCommand(new MemberId(memberId),
                new UnionId(request.receivingUnionId()), request.acceptedOn(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{memberId}/transfers/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> rejectTransfer(@PathVariable String memberId,
                                                   @Valid @RequestBody MemberRequests.RejectTransfer request,
                                                   @RequestHeader(name = KEY, required = false) String key,
                                                   @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(memberId, "transfers/reject", request, key, new RejectTransferCommand(new MemberId(memberId),
                new UnionId(request.receivingUnionId()), request.reason(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{memberId}/transfers/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> cancelTransfer(@PathVariable String memberId,
                                                   @Valid @RequestBody MemberRequests.CancelTransfer request,
                                                   @RequestHeader(name = KEY, required = false) String key,
                                                   @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(memberId, "transfers/cancel", request, key, new CancelTransferCommand(new MemberId(memberId),
                request.reason(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{memberId}/dues", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> recordDues(@PathVariable String memberId,
                                               @Valid @RequestBody DuesRequests.Payment request,
                                               @RequestHeader(name = KEY, required = false) String key,
                                               @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(memberId, "dues", request, key, new RecordDuesPaymentCommand(new MemberId(memberId),
                request.month(), request.amount(), request.salaryBasis(), new UnionId(request.collectedBy()),
                request.method(), request.paidOn(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{memberId}/dues/exemptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> exemptDues(@PathVariable String memberId,
                                               @Valid @RequestBody DuesRequests.Exemption request,
                                               @RequestHeader(name = KEY, required = false) String key,
                                               @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(memberId, "dues/exemptions", request, key, new ExemptDuesMonthCommand(new MemberId(memberId),
                request.month(), request.reason(), IfMatch.expectedVersion(ifMatch)));
    }

    private ResponseEntity<CommandAccepted> send(String memberId, String action, Object request, String key,
                                                 Object command) {
        return idempotent.run(key, "POST /api/members/" + memberId + "/" + action, request, memberId, HttpStatus.OK,
                () -> commands.<Long>sendAndWait(command));
    }
}

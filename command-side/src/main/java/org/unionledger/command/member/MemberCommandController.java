package org.unionledger.command.member;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.command.web.CommandAccepted;
import org.unionledger.shared.member.MemberId;

import java.net.URI;

/** Commands on members. */
@RestController
@RequestMapping(path = "/api/members", produces = MediaType.APPLICATION_JSON_VALUE)
class MemberCommandController {

    private final CommandGateway commands;

    MemberCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterMemberRequest request) {
        MemberId memberId = MemberId.random();
        commands.sendAndWait(request.toCommand(memberId));
        return ResponseEntity.created(URI.create("/api/members/" + memberId))
                             .body(new CommandAccepted(memberId.value(), 0));
    }
}

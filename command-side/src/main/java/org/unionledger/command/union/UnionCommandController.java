package org.unionledger.command.union;

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
import org.unionledger.shared.union.DissolveUnionCommand;
import org.unionledger.shared.union.EstablishUnionCommand;
import org.unionledger.shared.union.MergeUnionCommand;
import org.unionledger.shared.union.MoveUnionCommand;
import org.unionledger.shared.union.RenameUnionCommand;
import org.unionledger.shared.union.UnionId;

/** Commands on union organisations: establish, rename, move, merge, dissolve. */
@RestController
@RequestMapping(path = "/api/unions", produces = MediaType.APPLICATION_JSON_VALUE)
class UnionCommandController {

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;

    UnionCommandController(CommandGateway commands, IdempotentCommands idempotent) {
        this.commands = commands;
        this.idempotent = idempotent;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> establish(@Valid @RequestBody UnionRequests.Establish request,
                                              @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key) {
        UnionId unionId = new UnionId(IdempotentCommands.newAggregateId("union", key));
        return idempotent.run(key, "POST /api/unions", request, unionId.value(), HttpStatus.CREATED, () -> {
            commands.sendAndWait(new EstablishUnionCommand(unionId, request.name(), request.code(), request.level(),
                    request.kind(), request.parentId() == null ? null : new UnionId(request.parentId()),
                    request.address(), request.establishedOn()));
            return 0;
        });
    }

    @PostMapping(path = "/{unionId}/rename", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> rename(@PathVariable String unionId, @Valid @RequestBody UnionRequests.Rename request,
                                           @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(unionId, "rename", request, key, new RenameUnionCommand(new UnionId(unionId), request.name(),
                request.effectiveOn(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{unionId}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> move(@PathVariable String unionId, @Valid @RequestBody UnionRequests.Move request,
                                         @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
                                         @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(unionId, "move", request, key, new MoveUnionCommand(new UnionId(unionId),
                new UnionId(request.parentId()), request.effectiveOn(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{unionId}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> merge(@PathVariable String unionId, @Valid @RequestBody UnionRequests.Merge request,
                                          @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
                                          @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(unionId, "merge", request, key, new MergeUnionCommand(new UnionId(unionId),
                new UnionId(request.survivorId()), request.effectiveOn(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{unionId}/dissolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> dissolve(@PathVariable String unionId,
                                             @Valid @RequestBody UnionRequests.Dissolve request,
                                             @RequestHeader(name = IdempotentCommands.HEADER, required = false) String key,
                                             @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(unionId, "dissolve", request, key, new DissolveUnionCommand(new UnionId(unionId),
                request.dissolvedOn(), request.reason(), IfMatch.expectedVersion(ifMatch)));
    }

    private ResponseEntity<CommandAccepted> send(String unionId, String action, Object request, String key,
                                                 Object command) {
        return idempotent.run(key, "POST /api/unions/" + unionId + "/" + action, request, unionId, HttpStatus.OK,
                () -> commands.<Long>sendAndWait(command));
    }
}

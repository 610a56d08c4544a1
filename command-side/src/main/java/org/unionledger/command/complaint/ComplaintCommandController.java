package org.unionledger.command.complaint;

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
import org.unionledger.shared.complaint.AcknowledgeComplaintCommand;
import org.unionledger.shared.complaint.AssignComplaintCommand;
import org.unionledger.shared.complaint.CloseComplaintCommand;
import org.unionledger.shared.complaint.ComplaintId;
import org.unionledger.shared.complaint.EscalateComplaintCommand;
import org.unionledger.shared.complaint.FileComplaintCommand;
import org.unionledger.shared.complaint.MarkComplaintComplexCommand;
import org.unionledger.shared.complaint.RateComplaintResolutionCommand;
import org.unionledger.shared.complaint.ReopenComplaintCommand;
import org.unionledger.shared.complaint.ResolveComplaintCommand;
import org.unionledger.shared.complaint.StartComplaintWorkCommand;
import org.unionledger.shared.complaint.WithdrawComplaintCommand;
import org.unionledger.shared.member.MemberId;

import java.util.Map;
import java.util.function.Function;

/** Commands on complaints: filing, handling steps, escalation, reopening, withdrawal and rating. */
@RestController
@RequestMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
class ComplaintCommandController {

    private static final String KEY = IdempotentCommands.HEADER;

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;

    ComplaintCommandController(CommandGateway commands, IdempotentCommands idempotent) {
        this.commands = commands;
        this.idempotent = idempotent;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> file(@Valid @RequestBody ComplaintRequests.File request,
                                         @RequestHeader(name = KEY, required = false) String key) {
        ComplaintId complaintId = new ComplaintId(IdempotentCommands.newAggregateId("complaint", key));
        return idempotent.run(key, "POST /api/complaints", request, complaintId.value(), HttpStatus.CREATED, () -> {
            commands.sendAndWait(new FileComplaintCommand(complaintId, new MemberId(request.memberId()),
                    request.category(), request.description(), request.employer(), request.channel()));
            return 0;
        });
    }

    @PostMapping("/{complaintId}/acknowledge")
    ResponseEntity<CommandAccepted> acknowledge(@PathVariable String complaintId,
                                                @RequestHeader(name = KEY, required = false) String key,
                                                @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(complaintId, "acknowledge", Map.of(), key,
                id -> new AcknowledgeComplaintCommand(id, IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{complaintId}/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> assign(@PathVariable String complaintId,
                                           @Valid @RequestBody ComplaintRequests.Assign request,
                                           @RequestHeader(name = KEY, required = false) String key,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(complaintId, "assign", request, key,
                id -> new AssignComplaintCommand(id, request.officer(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping("/{complaintId}/start")
    ResponseEntity<CommandAccepted> start(@PathVariable String complaintId,
                                          @RequestHeader(name = KEY, required = false) String key,
                                          @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(complaintId, "start", Map.of(), key,
                id -> new StartComplaintWorkCommand(id, IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{complaintId}/complex", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> markComplex(@PathVariable String complaintId,
                                                @Valid @RequestBody ComplaintRequests.Reason request,
                                                @RequestHeader(name = KEY, required = false) String key,
                                                @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(complaintId, "complex", request, key,
                id -> new MarkComplaintComplexCommand(id, request.reason(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{complaintId}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> resolve(@PathVariable String complaintId,
                                            @Valid @RequestBody ComplaintRequests.Resolve request,
                                            @RequestHeader(name = KEY, required = false) String key,
                                            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(complaintId, "resolve", request, key, id -> new ResolveComplaintCommand(id, request.outcome(),
                request.resolution(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping("/{complaintId}/close")
    ResponseEntity<CommandAccepted> close(@PathVariable String complaintId,
                                          @RequestHeader(name = KEY, required = false) String key,
                                          @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(complaintId, "close", Map.of(), key,
                id -> new CloseComplaintCommand(id, IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{complaintId}/escalate", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> escalate(@PathVariable String complaintId,
                                             @Valid @RequestBody ComplaintRequests.Reason request,
                                             @RequestHeader(name = KEY, required = false) String key,
                                             @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(complaintId, "escalate", request, key,
                id -> new EscalateComplaintCommand(id, request.reason(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{complaintId}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> reopen(@PathVariable String complaintId,
                                           @Valid @RequestBody ComplaintRequests.Reason request,
                                           @RequestHeader(name = KEY, required = false) String key,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(complaintId, "reopen", request, key,
                id -> new ReopenComplaintCommand(id, request.reason(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{complaintId}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> withdraw(@PathVariable String complaintId,
                                             @Valid @RequestBody ComplaintRequests.Reason request,
                                             @RequestHeader(name = KEY, required = false) String key,
                                             @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(complaintId, "withdraw", request, key,
                id -> new WithdrawComplaintCommand(id, request.reason(), IfMatch.expectedVersion(ifMatch)));
    }

    @PostMapping(path = "/{complaintId}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandAccepted> rate(@PathVariable String complaintId,
                                         @Valid @RequestBody ComplaintRequests.Rate request,
                                         @RequestHeader(name = KEY, required = false) String key,
                                         @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(complaintId, "rating", request, key, id -> new RateComplaintResolutionCommand(id,
                request.rating(), request.comment(), IfMatch.expectedVersion(ifMatch)));
    }

    private ResponseEntity<CommandAccepted> send(String complaintId, String action, Object request, String key,
                                                 Function<ComplaintId, Object> command) {
        Object message = command.apply(new ComplaintId(complaintId));
        return idempotent.run(key, "POST /api/complaints/" + complaintId + "/" + action, request, complaintId,
                HttpStatus.OK, () -> commands.<Long>sendAndWait(message));
    }
}

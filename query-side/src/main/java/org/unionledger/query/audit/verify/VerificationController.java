package org.unionledger.query.audit.verify;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.platform.audit.ChainVerifier;
import org.unionledger.platform.audit.CheckpointStore;
import org.unionledger.platform.web.ApiException;

/**
 * {@code GET /api/audit/verify}: recomputes the hash chains from the stored events and names the first broken link.
 * With {@code aggregateId} it checks that one stream; without, the whole store and every retained stream-head
 * checkpoint. It only reads.
 */
@RestController
class VerificationController {

    private final ChainVerifier verifier;
    private final CheckpointStore checkpoints;

    VerificationController(ChainVerifier verifier, CheckpointStore checkpoints) {
        this.verifier = verifier;
        this.checkpoints = checkpoints;
    }

    @GetMapping(path = "/api/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    ChainVerifier.Report verify(@RequestParam(required = false) String aggregateId) {
        if (aggregateId == null) {
            return verifier.verifyAll(checkpoints.all());
        }
        if (aggregateId.isBlank()) {
            throw ApiException.badRequest("INVALID_AGGREGATE_ID", "aggregateId", "aggregateId must not be blank");
        }
        ChainVerifier.Report report = verifier.verify(aggregateId.strip());
        if (report.events() == 0) {
            throw ApiException.notFound("AGGREGATE_NOT_FOUND", "No events are stored for aggregate " + aggregateId);
        }
        return report;
    }
}

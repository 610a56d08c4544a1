package org.unionledger.query.operations;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/operations/processors/{name}/replay-check}: the operator's replay determinism check (see
 * {@link ReplayCheck}). It changes no live state.
 */
@RestController
class ReplayCheckController {

    private final ReplayCheck check;

    ReplayCheckController(ReplayCheck check) {
        this.check = check;
    }

    @PostMapping(path = "/api/operations/processors/{processor}/replay-check", produces = MediaType.APPLICATION_JSON_VALUE)
    ReplayCheck.Report run(@PathVariable String processor) {
        return check.run(processor);
    }
}

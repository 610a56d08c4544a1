package org.unionledger.query.complaint.timeline;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.platform.web.ApiException;
import org.unionledger.shared.complaint.ComplaintId;
import org.unionledger.shared.complaint.ComplaintView;
import org.unionledger.shared.complaint.FindComplaintQuery;

/** Reads of complaints. */
@RestController
@RequestMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
class ComplaintQueryController {

    private final QueryGateway queries;

    ComplaintQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    /** A complaint with its timeline. */
    @GetMapping("/{complaintId}")
    ComplaintView complaint(@PathVariable String complaintId) {
        return queries.query(new FindComplaintQuery(new ComplaintId(complaintId)),
                              ResponseTypes.optionalInstanceOf(ComplaintView.class))
                      .join()
                      .orElseThrow(() -> ApiException.notFound("COMPLAINT_NOT_FOUND", "No complaint with id " + complaintId));
    }
}

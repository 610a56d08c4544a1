package org.unionledger.query.complaint.timeline;

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
import org.unionledger.shared.complaint.ComplaintId;
import org.unionledger.shared.complaint.ComplaintView;
import org.unionledger.shared.complaint.FindComplaintQuery;

import java.time.Instant;

/** Reads of complaints. */
@RestController
@RequestMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
class ComplaintQueryController {

    private final QueryGateway queries;
    private final AsOfReader asOfReader;

    ComplaintQueryController(QueryGateway queries, AsOfReader asOfReader) {
        this.queries = queries;
        this.asOfReader = asOfReader;
    }

    /** A complaint with its timeline or, with {@code asOf}, as its events say it was then (without timeline). */
    @GetMapping("/{complaintId}")
    ComplaintView complaint(@PathVariable String complaintId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        if (asOf != null) {
            return asOfReader.complaint(complaintId, asOf);
        }
        return queries.query(new FindComplaintQuery(new ComplaintId(complaintId)),
                              ResponseTypes.optionalInstanceOf(ComplaintView.class))
                      .join()
                      .orElseThrow(() -> ApiException.notFound("COMPLAINT_NOT_FOUND", "No complaint with id " + complaintId));
    }
}

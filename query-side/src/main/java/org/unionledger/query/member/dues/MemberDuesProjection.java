package org.unionledger.query.member.dues;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.unionledger.shared.member.DuesMonthExemptedEvent;
import org.unionledger.shared.member.DuesPaidEvent;
import org.unionledger.shared.member.FindMemberDuesQuery;
import org.unionledger.shared.member.MemberDuesStatus;
import org.unionledger.shared.member.MemberId;
import org.unionledger.shared.member.MemberRegisteredEvent;
import org.unionledger.shared.member.MembershipEndedEvent;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each member's dues record under the member's ID: the months of membership, and per month what was paid or why
 * it is exempt. Writes set a month's entry by its key, so applying an event twice leaves the same document. Months
 * in arrears are worked out when asked: every month before the current one (or up to the month the membership
 * ended) neither paid nor exempt.
 */
@Component
@ProcessingGroup(MemberDuesProjection.PROCESSING_GROUP)
class MemberDuesProjection {

    static final String PROCESSING_GROUP = "member-dues";
    static final String COLLECTION = "member_dues";

    private final MongoTemplate mongo;
    private final Clock clock;

    MemberDuesProjection(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @EventHandler
    void on(MemberRegisteredEvent event) {
        mongo.upsert(byId(event.memberId()), new Update().set("joinedMonth", YearMonth.from(event.joinedOn()).toString()),
                COLLECTION);
    }

    @EventHandler
    void on(MembershipEndedEvent event) {
        mongo.updateFirst(byId(event.memberId()), new Update().set("endedMonth", YearMonth.from(event.endedOn()).toString()),
                COLLECTION);
    }

    @EventHandler
    void on(DuesPaidEvent event) {
        mongo.updateFirst(byId(event.memberId()), new Update().set("paid." + event.month(), event.amount()), COLLECTION);
    }

    @EventHandler
    void on(DuesMonthExemptedEvent event) {
        mongo.updateFirst(byId(event.memberId()), new Update().set("exempt." + event.month(), event.reason().name()),
                COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), COLLECTION);
    }

    @QueryHandler
    Optional<MemberDuesStatus> handle(FindMemberDuesQuery query) {
        return Optional.ofNullable(mongo.findById(query.memberId().value(), Document.class, COLLECTION))
                       .map(doc -> status(query.memberId(), doc, YearMonth.now(clock)));
    }

    static MemberDuesStatus status(MemberId memberId, Document doc, YearMonth currentMonth) {
        Map<YearMonth, Long> paid = new TreeMap<>();
        doc.get("paid", new Document()).forEach((month, amount) -> paid.put(YearMonth.parse(month), ((Number) amount).longValue()));
        List<YearMonth> exempt = doc.get("exempt", new Document()).keySet().stream().map(YearMonth::parse).sorted().toList();
        Optional<YearMonth> endedEarlier = Optional.ofNullable(doc.getString("endedMonth")).map(YearMonth::parse)
                                                   .filter(ended -> ended.isBefore(currentMonth));
        YearMonth last = endedEarlier.orElse(currentMonth);
        // The current month's dues are not late until the month is over.
        YearMonth lastOwed = endedEarlier.orElse(currentMonth.minusMonths(1));
        List<YearMonth> arrears = new ArrayList<>();
        for (YearMonth month = YearMonth.parse(doc.getString("joinedMonth")); !month.isAfter(lastOwed); month = month.plusMonths(1)) {
            if (!paid.containsKey(month) && !exempt.contains(month)) {
                arrears.add(month);
            }
        }
        long total = paid.values().stream().mapToLong(Long::longValue).sum();
        return new MemberDuesStatus(memberId, last, List.copyOf(paid.keySet()), exempt, arrears, total);
    }

    private static Query byId(MemberId memberId) {
        return new Query(Criteria.where("_id").is(memberId.value()));
    }
}

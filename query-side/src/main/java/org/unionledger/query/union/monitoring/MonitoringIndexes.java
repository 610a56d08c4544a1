package org.unionledger.query.union.monitoring;

import com.mongodb.client.model.Indexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionledger.platform.mongo.IndexDeclaration;

/** The indexes production MongoDB needs for the monitoring lists (the embedded server scans instead). */
@Configuration(proxyBeanMethods = false)
class MonitoringIndexes {

    @Bean
    IndexDeclaration monitoringMembersByUnionAndName() {
        return IndexDeclaration.of(Monitoring.MEMBERS, Indexes.ascending("unionId", "sortName", "_id"));
    }

    @Bean
    IndexDeclaration monitoringMembersByUnionStatusAndName() {
        return IndexDeclaration.of(Monitoring.MEMBERS, Indexes.ascending("unionId", "status", "sortName", "_id"));
    }

    @Bean
    IndexDeclaration monitoringComplaintQueue() {
        return IndexDeclaration.of(Monitoring.COMPLAINTS, Indexes.ascending("handlerId", "open", "dueBy", "_id"));
    }

    @Bean
    IndexDeclaration monitoringUnionsByParent() {
        return IndexDeclaration.of(Monitoring.UNIONS, Indexes.ascending("parentId", "name"));
    }

    @Bean
    IndexDeclaration monitoringUnionsByAncestor() {
        return IndexDeclaration.of(Monitoring.UNIONS, Indexes.ascending("ancestors"));
    }
}

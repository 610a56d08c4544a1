package org.unionledger.command.union;

import com.mongodb.client.model.Indexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionledger.platform.mongo.IndexDeclaration;

/** A merger looks up the merged union's children and current members; production MongoDB needs these indexes. */
@Configuration(proxyBeanMethods = false)
class UnionDirectoryIndexes {

    @Bean
    IndexDeclaration unionsByParent() {
        return IndexDeclaration.of(UnionDirectory.UNIONS, Indexes.ascending("parentId", "status"));
    }

    @Bean
    IndexDeclaration placementsByUnion() {
        return IndexDeclaration.of(UnionDirectory.PLACEMENTS, Indexes.ascending("unionId", "ended"));
    }
}

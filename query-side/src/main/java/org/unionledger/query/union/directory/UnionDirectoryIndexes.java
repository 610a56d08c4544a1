package org.unionledger.query.union.directory;

import com.mongodb.client.model.Indexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.unionledger.platform.mongo.IndexDeclaration;

/** Children are found by their parent link; production MongoDB needs the index (the embedded server scans). */
@Configuration(proxyBeanMethods = false)
class UnionDirectoryIndexes {

    @Bean
    IndexDeclaration unionDirectoryByParent() {
        return IndexDeclaration.of(UnionDirectoryEntry.COLLECTION, Indexes.ascending("parentId", "name"));
    }
}

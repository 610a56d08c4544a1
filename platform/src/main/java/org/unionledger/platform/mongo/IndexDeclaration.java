package org.unionledger.platform.mongo;

import com.mongodb.client.model.IndexOptions;
import org.bson.conversions.Bson;

/**
 * An index a collection needs in production MongoDB. Declare one as a bean; {@link MongoIndexes} creates it in the
 * background once MongoDB answers. (The embedded server honours unique indexes and ignores the others.)
 */
public record IndexDeclaration(String collection, Bson keys, IndexOptions options) {

    public static IndexDeclaration of(String collection, Bson keys) {
        return new IndexDeclaration(collection, keys, new IndexOptions());
    }
}

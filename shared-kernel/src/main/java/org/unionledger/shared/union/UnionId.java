package org.unionledger.shared.union;

import org.unionledger.shared.common.TypedId;

import java.util.Objects;
import java.util.UUID;

/** Identifies a union organisation at any level; it survives renames and moves. */
public record UnionId(String value) implements TypedId {

    public UnionId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random identifier. */
    public static UnionId random() {
        return new UnionId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

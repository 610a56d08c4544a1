package org.unionledger.shared.member;

import org.unionledger.shared.common.TypedId;

import java.util.Objects;
import java.util.UUID;

/** Identifies a member for the whole of their membership, across transfers between unions. */
public record MemberId(String value) implements TypedId {

    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random identifier. */
    public static MemberId random() {
        return new MemberId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

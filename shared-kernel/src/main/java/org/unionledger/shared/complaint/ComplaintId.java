package org.unionledger.shared.complaint;

import org.unionledger.shared.common.TypedId;

import java.util.Objects;
import java.util.UUID;

/** Identifies a complaint or piece of feedback. */
public record ComplaintId(String value) implements TypedId {

    public ComplaintId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random identifier. */
    public static ComplaintId random() {
        return new ComplaintId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

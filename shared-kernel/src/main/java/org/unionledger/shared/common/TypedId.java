package org.unionledger.shared.common;

/**
 * An identifier that wraps one string; serialised as that bare string, and its {@code toString()} is the raw
 * value because Axon routes commands on it.
 */
public interface TypedId {

    /** The raw identifier. */
    String value();
}

package org.unionledger.shared.complaint;

/** How a complaint was resolved. */
public enum ResolutionOutcome {
    /** The member's claim was found right and remedied. */
    UPHELD,
    /** Part of the claim was found right. */
    PARTIALLY_UPHELD,
    /** The claim was examined and not found right. */
    NOT_UPHELD,
    /** Handed to the competent authority (labour inspectorate, court). */
    REFERRED
}

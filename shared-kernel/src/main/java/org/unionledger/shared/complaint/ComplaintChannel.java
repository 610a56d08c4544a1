package org.unionledger.shared.complaint;

/** How a complaint reached the union. */
public enum ComplaintChannel {
    WEB,
    APP,
    HOTLINE,
    IN_PERSON
}

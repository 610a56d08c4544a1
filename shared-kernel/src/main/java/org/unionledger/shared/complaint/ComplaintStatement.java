package org.unionledger.shared.complaint;

/**
 * What the member wrote: personal data kept together so that it can later be encrypted inside events with the
 * member's key (crypto-shredding) without touching the rest of the event.
 *
 * @param description the member's account of the problem
 * @param employer    the employer concerned, if named
 */
public record ComplaintStatement(String description, String employer) {
}

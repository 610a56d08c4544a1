package org.unionledger.command.web;

/**
 * The answer to an accepted command.
 *
 * @param id      the aggregate the command acted on
 * @param version the aggregate's version after the command (the sequence number of its last event)
 */
public record CommandAccepted(String id, long version) {
}

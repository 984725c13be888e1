package org.b2bforum.fair;

/** A badge scanned by an exhibitor: the lead, and whether this scan made it (false: scanned before). */
public record LeadScan(Lead lead, boolean firstTime) {
}

package org.b2bforum.program;

/** A hall with numbered negotiation tables 1..tableCount. */
public record Hall(long id, String name, int tableCount) {
}

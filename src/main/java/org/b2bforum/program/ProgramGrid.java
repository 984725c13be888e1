package org.b2bforum.program;

import java.util.List;

/**
 * The days, sessions and slots of the forum read together, as one moment of the program: every slot's session and
 * every session's day are among them, whatever an organizer removed or added while they were read.
 */
public record ProgramGrid(List<ForumDay> days, List<NegotiationSession> sessions, List<Slot> slots) {
}

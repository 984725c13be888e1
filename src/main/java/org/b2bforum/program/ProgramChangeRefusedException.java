package org.b2bforum.program;

import java.util.List;

/** A program change was refused because it would break confirmed meetings, listed here. */
public class ProgramChangeRefusedException extends RuntimeException {

    private final transient List<String> affectedMeetings;

    public ProgramChangeRefusedException(List<String> affectedMeetings) {
        super("The change would break " + affectedMeetings.size() + " confirmed meeting(s)");
        this.affectedMeetings = List.copyOf(affectedMeetings);
    }

    public List<String> affectedMeetings() {
        return affectedMeetings;
    }
}

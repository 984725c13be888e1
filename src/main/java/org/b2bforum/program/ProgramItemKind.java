package org.b2bforum.program;

/** Kinds of program items; each blocks its attendees' meeting slots. */
public enum ProgramItemKind {
    PLENARY,
    ROUND_TABLE,
    PRESENTATION;

    public String translationKey() {
        return "program.kind." + name();
    }
}

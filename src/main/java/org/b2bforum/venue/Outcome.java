package org.b2bforum.venue;

/** What came of a meeting, in one company's words; each company records its own. */
public enum Outcome {
    NO_INTEREST,
    FOLLOW_UP,
    AGREEMENT_IN_PREPARATION,
    AGREEMENT_SIGNED;

    public String translationKey() {
        return "outcome." + name();
    }

    static Outcome of(String value) {
        return value == null ? null : valueOf(value);
    }
}

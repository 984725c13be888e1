package org.b2bforum.optimizer;

/** The part of the day a meeting asks for: morning slots, afternoon slots, or either. */
public enum SessionPreference {
    MORNING,
    AFTERNOON,
    ANY
}

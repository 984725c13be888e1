package org.b2bforum.schedule;

/** How much a company wants a meeting: must-meet wishes are placed first when not all fit. */
public enum WishPriority {
    MUST,
    NICE;

    public String translationKey() {
        return "wish.priority." + name();
    }
}

package org.b2bforum.company;

/** Countries taking part in the forum; each has its own tax number scheme. */
public enum Country {
    /** Russia: INN, 10 digits (organisations) or 12 digits (individual entrepreneurs). */
    RU,
    /** Belarus: UNP, 9 digits. */
    BY;

    public String translationKey() {
        return "country." + name();
    }
}

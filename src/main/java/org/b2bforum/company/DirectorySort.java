package org.b2bforum.company;

/** Orders of the directory. */
public enum DirectorySort {
    /** Companies of the other country first (Minsk sees Moscow first and the reverse), best matches first. */
    OTHER_SIDE_FIRST,
    /** Best text matches first. */
    RELEVANCE,
    /** Alphabetically by short name. */
    NAME,
    /** Most recently registered first. */
    NEWEST;

    public String translationKey() {
        return "directory.sort." + name();
    }
}

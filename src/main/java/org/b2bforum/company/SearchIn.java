package org.b2bforum.company;

/** Where the directory's search looks for its words: the whole profile, or only what companies offer or seek. */
public enum SearchIn {
    /** Names, descriptions, offers and needs. */
    EVERYTHING("all_stems"),
    /** What the companies offer. */
    OFFERS("offers_stems"),
    /** What the companies seek. */
    SEEKS("seeks_stems");

    /** The stemmed text of {@code company_search} searched, with its own full-text index. */
    final String column;

    SearchIn(String column) {
        this.column = column;
    }

    public String translationKey() {
        return "directory.search-in." + name();
    }
}

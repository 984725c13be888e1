package org.b2bforum.company;

/**
 * A search of the company directory; null or blank values do not filter.
 *
 * @param text          words to find in names, descriptions, offers and needs (any word form)
 * @param city          the city's stored name, e.g. "Москва"
 * @param country       the country
 * @param sector        a sector the company works in
 * @param sort          the order of results
 * @param shortlistOnly only companies the viewer has starred
 * @param withFreeSlots only companies that can still take meetings: fewer confirmed meetings than
 *                      future slots and than the meeting limit
 * @param searchIn      where the words are looked for (null: everywhere)
 */
public record DirectoryQuery(String text, String city, Country country, Sector sector, DirectorySort sort,
        boolean shortlistOnly, boolean withFreeSlots, SearchIn searchIn) {

    public DirectoryQuery {
        searchIn = searchIn == null ? SearchIn.EVERYTHING : searchIn;
    }

    public DirectoryQuery(String text, String city, Country country, Sector sector, DirectorySort sort,
            boolean shortlistOnly, boolean withFreeSlots) {
        this(text, city, country, sector, sort, shortlistOnly, withFreeSlots, SearchIn.EVERYTHING);
    }

    public DirectoryQuery(String text, String city, Country country, Sector sector, DirectorySort sort,
            boolean shortlistOnly) {
        this(text, city, country, sector, sort, shortlistOnly, false);
    }

    public static DirectoryQuery everything() {
        return new DirectoryQuery(null, null, null, null, DirectorySort.OTHER_SIDE_FIRST, false, false);
    }

    public DirectoryQuery withText(String newText) {
        return new DirectoryQuery(newText, city, country, sector, sort, shortlistOnly, withFreeSlots, searchIn);
    }

    /** The same search with the words looked for in {@code where} only (null: everywhere). */
    public DirectoryQuery withSearchIn(SearchIn where) {
        return new DirectoryQuery(text, city, country, sector, sort, shortlistOnly, withFreeSlots, where);
    }

    public DirectoryQuery shortlisted() {
        return new DirectoryQuery(text, city, country, sector, sort, true, withFreeSlots, searchIn);
    }
}

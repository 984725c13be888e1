package org.b2bforum.fair;

import org.b2bforum.company.Sector;

/** What a visitor looks for on the fair map: words (a company, a product, a stand number) and a sector. */
public record FairMapFilter(String text, Sector sector) {

    public static FairMapFilter everything() {
        return new FairMapFilter(null, null);
    }

    public boolean isEmpty() {
        return (text == null || text.isBlank()) && sector == null;
    }
}

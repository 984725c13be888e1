package org.b2bforum.fair;

import org.b2bforum.company.Sector;

/** A product of an exhibitor's catalogue, with its company and stand (null when it has none). */
public record Product(long id, long companyId, String companyName, String standNumber, String nameRu,
        String nameEn, String descriptionRu, String descriptionEn, Sector category, boolean hasPhoto,
        long version) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameRu;
    }

    public String description(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionRu;
    }
}

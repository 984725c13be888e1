package org.b2bforum.fair;

import java.util.Locale;

/** A hall or zone of the fair. */
public record FairZone(long id, String nameRu, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameRu;
    }
}

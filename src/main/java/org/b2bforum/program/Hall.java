package org.b2bforum.program;

import java.util.Locale;

import org.b2bforum.base.i18n.Bilingual;

/** A hall with numbered negotiation tables 1..tableCount; its name in Russian and, if given, in English. */
public record Hall(long id, String name, String nameEn, int tableCount) {

    /** The name in the language (the Russian one while there is no English one). */
    public String name(Locale locale) {
        return new Bilingual(name, nameEn).in(locale);
    }
}

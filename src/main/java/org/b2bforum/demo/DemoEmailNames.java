package org.b2bforum.demo;

import org.b2bforum.base.text.Transliteration;

/** Russian names to Latin letters for demo e-mail addresses: "Иванов Сергей" becomes "s.ivanov". */
final class DemoEmailNames {

    private DemoEmailNames() {
    }

    /** Latin letters and digits only ({@link Transliteration#latin}). */
    private static String latin(String text) {
        return Transliteration.latin(text).replaceAll("[^a-z0-9]", "");
    }

    /** "Иванов Сергей Петрович" becomes "s.ivanov". */
    static String emailName(String fullName) {
        String[] parts = fullName.trim().split("\\s+");
        if (parts.length < 2) {
            return latin(parts[0]);
        }
        return latin(parts[1]).charAt(0) + "." + latin(parts[0]);
    }
}

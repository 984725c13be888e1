package org.b2bforum.base.i18n;

import java.util.Locale;

/**
 * The plural form a count takes in the reader's language, CLDR's rule for whole numbers: Russian has three ("1
 * встреча", "2 встречи", "5 встреч", "11 встреч", "21 встреча", "22 встречи", "111 встреч"), English two ("1
 * meeting", "0 meetings", "21 meetings"). A message whose noun or verb agrees with a count has one key per form,
 * {@code key.one}, {@code key.few} and {@code key.many} (in English the few form says what the many form says).
 * {@code MessageFormat}'s {@code {0,choice,...}} cannot say Russian's rule (it chooses by ranges, not by the last
 * digits).
 */
public final class Plural {

    private Plural() {
    }

    /** CLDR's plural category of a whole number: "one", "few" or "many" (English has "one" and "many"). */
    public static String category(long count, Locale locale) {
        long n = Math.abs(count);
        if (locale == null || !"ru".equals(locale.getLanguage())) {
            return n == 1 ? "one" : "many";
        }
        if (n % 10 == 1 && n % 100 != 11) {
            return "one";
        }
        if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) {
            return "few";
        }
        return "many";
    }

    /** The key of the form a count takes: "figures.held" and 21 give "figures.held.one" in Russian. */
    public static String key(String key, long count, Locale locale) {
        return key + "." + category(count, locale);
    }
}

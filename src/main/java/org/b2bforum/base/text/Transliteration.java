package org.b2bforum.base.text;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Russian and Belarusian letters in Latin ones, as passports and e-mail addresses spell names: "Кузнецов" is
 * "kuznetsov". Searches compare both sides so ({@link #searchForm}, {@link #searchFormSql}), which finds a name however
 * it was written and however it is typed: a Moscow desk types "Kuznetsov" or "Кузнецов" for the same guest.
 */
public final class Transliteration {

    private static final Map<Character, String> LETTERS = new LinkedHashMap<>();

    static {
        String[][] pairs = {{"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"},
                {"ж", "zh"}, {"з", "z"}, {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"},
                {"о", "o"}, {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"},
                {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"},
                {"ю", "yu"}, {"я", "ya"}, {"і", "i"}, {"ў", "u"}};
        for (String[] pair : pairs) {
            LETTERS.put(pair[0].charAt(0), pair[1]);
        }
    }

    private Transliteration() {
    }

    /** The text in lower case with its Cyrillic letters in Latin ones; every other character as it is. */
    public static String latin(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            String latin = LETTERS.get(c);
            out.append(latin == null ? String.valueOf(c) : latin);
        }
        return out.toString();
    }

    /**
     * The form the usual spellings of one name share: {@link #latin}, then the rules by which passports and everyday
     * spellings part ways made one: "x" as "ks" ("Alexey"), "y" as "i" (й, ы and the я, ю of "ya", "yu" are "i", "ia",
     * "iu" in the passports' ICAO spelling: "Aleksei", "Natalia", "Iurii"), and a doubled "i" as one ("Dmitrii",
     * "Dmitriy" and "Dmitry" all end "dmitri"). "Алексей", "Aleksei", "Alexey" and "Aleksey" are all "aleksei".
     * Compare it with {@link #searchFormSql} of a column.
     */
    public static String searchForm(String text) {
        return latin(text).replace("x", "ks").replace("y", "i").replace("ii", "i").replace("ii", "i");
    }

    /**
     * {@link #searchForm} in SQL, of a column or expression: nested {@code replace}s, cheap beside the {@code like
     * '%…%'} that scans the rows anyway (a desk search over 2,000 delegates stays a few milliseconds).
     */
    public static String searchFormSql(String expression) {
        StringBuilder sql = new StringBuilder("lower(" + expression + ")");
        for (Map.Entry<Character, String> letter : LETTERS.entrySet()) {
            sql.insert(0, "replace(").append(", '").append(letter.getKey()).append("', '").append(letter.getValue())
                    .append("')");
        }
        // the same steps as searchForm, in the same order; "ii" twice, as a run of three is two after one pass
        return "replace(replace(replace(replace(" + sql + ", 'x', 'ks'), 'y', 'i'), 'ii', 'i'), 'ii', 'i')";
    }
}

package org.b2bforum.company;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.b2bforum.base.i18n.Languages;

/**
 * Cities that come to the forum, stored under their Russian name and shown in the reader's
 * language. Any other city may be entered by name.
 */
public final class Cities {

    /** A known city: its stored (Russian) name, its translation key and its country. */
    public record City(String name, String key, Country country) {
    }

    public static final List<City> KNOWN = List.of(
            new City("Москва", "city.moscow", Country.RU),
            new City("Минск", "city.minsk", Country.BY),
            new City("Казань", "city.kazan", Country.RU),
            new City("Сочи", "city.sochi", Country.RU),
            new City("Санкт-Петербург", "city.saint-petersburg", Country.RU),
            new City("Брест", "city.brest", Country.BY),
            new City("Гомель", "city.gomel", Country.BY),
            new City("Гродно", "city.grodno", Country.BY),
            new City("Витебск", "city.vitebsk", Country.BY),
            new City("Могилёв", "city.mogilev", Country.BY));

    private Cities() {
    }

    /** A stored city name as the reader's language has it: a known city's translation, any other as stored. */
    public static String inLanguage(String stored, java.util.function.Function<String, String> translate) {
        return byName(stored).map(city -> translate.apply(city.key())).orElse(stored);
    }

    public static Optional<City> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return KNOWN.stream().filter(city -> city.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /**
     * The stored name of a city typed in any language: "moscow" or "Москва" become "Москва" when
     * {@code translate} maps the city's key to "Moscow" in one of the UI languages.
     */
    public static String canonical(String typed, java.util.function.Function<String, List<String>> translate) {
        if (typed == null) {
            return "";
        }
        String wanted = typed.trim();
        for (City city : KNOWN) {
            if (city.name().equalsIgnoreCase(wanted)
                    || translate.apply(city.key()).stream().anyMatch(t -> t.equalsIgnoreCase(wanted))) {
                return city.name();
            }
        }
        return wanted;
    }

    /**
     * {@link #canonical} in every UI language: what a filter's or a form's city field makes of the name typed, so that
     * "Moscow" typed on an English page filters by the stored "Москва" (it filtered by "Moscow", which no company has,
     * ux85).
     */
    public static String typed(String typed, java.util.function.BiFunction<Locale, String, String> translation) {
        return canonical(typed, key -> Languages.ALL.stream().map(locale -> translation.apply(locale, key)).toList());
    }
}

package org.b2bforum.company;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Russian and English word forms reduced to stems with Lucene's Snowball stemmers and stop word
 * lists: "техника", "техники" and "технику" all become "техник". Used to index company texts,
 * to search them and to explain recommendations.
 */
public final class TextAnalysis {

    /** A word of a text, where it stands and its stem (null for stop words). */
    public record Word(String surface, String stem, int start, int end) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final CharArraySet RUSSIAN_STOP = RussianAnalyzer.getDefaultStopSet();
    private static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private static final String RUSSIAN_VOWELS = "аеиоуыэюя";

    private TextAnalysis() {
    }

    public static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String surface = matcher.group();
            words.add(new Word(surface, stem(surface), matcher.start(), matcher.end()));
        }
        return words;
    }

    /** Stems already worked out, by word as written ("" for none); emptied when it reaches {@link #MAX_CACHED}. */
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 100_000;

    /**
     * The stem of one word, or null when it is a stop word or too short to mean anything. Remembered: the same
     * words come back in every company text indexed, searched and explained (the suggestions' phrases stem both
     * texts of every pair shown), and a Snowball stemmer with its checks took ~20 µs a word with C1.
     */
    public static String stem(String word) {
        String known = STEMS.get(word);
        if (known == null) {
            String stem = stemOnce(word);
            known = stem == null ? "" : stem;
            if (STEMS.size() >= MAX_CACHED) {
                STEMS.clear();
            }
            STEMS.put(word, known);
        }
        return known.isEmpty() ? null : known;
    }

    private static String stemOnce(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (lower.length() < 2 || RUSSIAN_STOP.contains(lower) || ENGLISH_STOP.contains(lower)) {
            return null;
        }
        if (lower.chars().allMatch(Character::isDigit)) {
            return lower;
        }
        SnowballStemmer stemmer = CYRILLIC.matcher(lower).find() ? new RussianStemmer() : new EnglishStemmer();
        stemmer.setCurrent(lower);
        stemmer.stem();
        String stem = stemmer.getCurrent();
        return stem.length() < 2 ? null : stem;
    }

    /** The stems of a text, space-separated, in order, repeats kept (for the FULLTEXT index). */
    public static String stemText(String... texts) {
        List<String> stems = new ArrayList<>();
        for (String text : texts) {
            words(text).stream().map(Word::stem).filter(s -> s != null).forEach(stems::add);
        }
        return String.join(" ", stems);
    }

    /** The distinct stems of a text. */
    public static Set<String> stemSet(String text) {
        return words(text).stream().map(Word::stem).filter(s -> s != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * A MariaDB boolean-mode FULLTEXT query requiring every word of the user's search, each as a
     * stem prefix. Russian stems are cut back to their last vowel, so that "строительство" also
     * finds "строительной" (stems "строительств" and "строительн" share "строите"). Empty when
     * the search has no words that count.
     */
    public static String searchQuery(String userText) {
        return stemSet(userText).stream()
                .map(stem -> {
                    String prefix = searchPrefix(stem);
                    String without = withoutFleetingVowel(stem);
                    return without == null || without.startsWith(prefix) ? "+" + prefix + "*"
                            : "+(" + prefix + "* " + without + "*)";
                })
                .distinct()
                .collect(Collectors.joining(" "));
    }

    /**
     * The stem a Russian word has in its other forms when the vowel of its last syllable drops out: "каток" and
     * "катки", "станок" and "станков", "отец" and "отца", "владелец" and "владельца". A search for the singular a
     * visitor types then finds the plural the profiles write ("дорожные катки"). Null when the stem does not end so.
     */
    static String withoutFleetingVowel(String stem) {
        Matcher matcher = FLEETING_VOWEL.matcher(stem);
        if (!matcher.matches()) {
            return null;
        }
        String before = matcher.group(1);
        char consonant = before.charAt(before.length() - 1);
        // a soft sign takes the dropped "е" after "л" ("владелец" and "владельцы", "уголёк" and "угольки") and
        // before "к" after "н" ("огонёк" and "огоньки"; but "конец" and "концы")
        boolean soft = matcher.group(2).equals("е")
                && (consonant == 'л' || consonant == 'н' && matcher.group(3).equals("к"));
        return before + (soft ? "ь" : "") + matcher.group(3);
    }

    /** Three letters or more ending in a consonant, then "о" or "е" and "к" or "ц" at the end of the stem. */
    private static final Pattern FLEETING_VOWEL = Pattern.compile("(\\p{IsCyrillic}{2,}[^аеиоуыэюяйьъ])([ое])([кц])");

    static String searchPrefix(String stem) {
        if (!CYRILLIC.matcher(stem).find()) {
            return stem;
        }
        int end = stem.length();
        while (end > 0 && RUSSIAN_VOWELS.indexOf(stem.charAt(end - 1)) < 0) {
            end--;
        }
        return end >= 5 ? stem.substring(0, end) : stem;
    }
}

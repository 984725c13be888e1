package org.b2bforum.company;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Why two company texts match, in their own words: the stems they share (less the words every
 * profile uses) and, from each text, one phrase around them as it is written there, e.g.
 * «дорожной техники» and «дорожно-строительную технику». A phrase is made of whole words, keeps a
 * hyphenated word whole, joins matched words at most two words apart, stops at punctuation, reads
 * on with the next word when only one word matched, and is cut at a word with "…" past
 * {@value #MAX_CHARS} characters.
 */
public final class MatchPhrases {

    /** Both sides' phrases: theirs, from the other company's text, and mine. */
    public record Pair(String theirs, String mine) {
    }

    static final int MAX_CHARS = 60;
    private static final int MAX_GAP = 2;
    private static final String ELLIPSIS = "…";
    /** A word, or a hyphenated word such as "дорожно-строительную" or "self-propelled", or "city's", whole. */
    private static final Pattern UNIT = Pattern.compile("[\\p{L}\\p{Nd}]+(?:[-\u2011'’][\\p{L}\\p{Nd}]+)*");
    /** Verbs and adverbs that open or join a profile's sentences; a phrase never reads on with them. */
    private static final Set<String> FILLER = Set.of("предлага", "ищ", "ищет", "такж", "закупа", "рассматрива",
            "готов", "offer", "seek");
    /** Russian adjective endings: such a word waits for its noun ("дорожной" … "техники"). */
    private static final Pattern ADJECTIVE = Pattern.compile(
            ".*\\p{IsCyrillic}(ой|ый|ий|ая|яя|ое|ее|ые|ие|ую|юю|ого|его|ому|ему|ых|их|ым|им|ыми|ими)");
    /** Words too common in business profiles to explain a match (the fillers too). */
    private static final Set<String> GENERIC = Stream.concat(FILLER.stream(), Stream.of("компан", "поставк",
            "поставщик", "услуг", "продукц", "партнер", "сотрудничеств", "производств", "производител", "организац",
            "регион", "услов", "обновлен", "эксплуатац", "пилотн", "проект", "работ", "решен", "рынк", "рынок",
            "клиент", "нов", "качеств", "москв", "минск", "беларус", "росс", "российск", "белорусск", "интересн",
            "заинтересова", "company", "partner", "product", "servic", "suppli", "suppl"))
            .collect(Collectors.toUnmodifiableSet());

    private MatchPhrases() {
    }

    /**
     * The phrases of their text and mine around the informative words both share; empty when they
     * share none. My phrase prefers the words of theirs, so that both speak of the same thing.
     */
    public static Optional<Pair> of(String theirText, String myText) {
        Set<String> shared = informative(TextAnalysis.stemSet(theirText));
        shared.retainAll(informative(TextAnalysis.stemSet(myText)));
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        Optional<Phrase> theirs = phrase(theirText, shared);
        if (theirs.isEmpty()) {
            return Optional.empty();
        }
        Optional<Phrase> mine = phrase(myText, theirs.get().stems()).or(() -> phrase(myText, shared));
        return mine.map(m -> new Pair(theirs.get().text(), m.text()));
    }

    /** The informative stems: no words every profile has, no numbers, nothing shorter than three letters. */
    static Set<String> informative(Set<String> stems) {
        Set<String> result = new LinkedHashSet<>(stems);
        result.removeIf(s -> GENERIC.contains(s) || s.length() < 3 || s.chars().allMatch(Character::isDigit));
        return result;
    }

    /** A phrase of the text and the matched stems in it. */
    record Phrase(String text, Set<String> stems) {
    }

    /** A word (or hyphenated word) of the text: where it stands, its stems, and its clause. */
    private record Unit(int start, int end, Set<String> stems, boolean stopWord, int clause) {
    }

    /**
     * The phrase around the most distinct matched stems of one clause; between equals, one that
     * reads on to its noun, then the tightest, then the first.
     */
    static Optional<Phrase> phrase(String text, Set<String> matched) {
        List<Unit> units = units(text);
        List<int[]> groups = new ArrayList<>();
        int[] group = null;
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).stems().stream().noneMatch(matched::contains)) {
                continue;
            }
            if (group != null && units.get(group[1]).clause() == units.get(i).clause() && i - group[1] - 1 <= MAX_GAP) {
                group[1] = i;
            } else {
                group = new int[] {i, i};
                groups.add(group);
            }
        }
        return groups.stream()
                .min(Comparator.comparingInt((int[] g) -> -matchedStems(units, g, matched).size())
                        .thenComparing(g -> endsWithoutItsNoun(text, units, g))
                        .thenComparingInt(g -> g[1] - g[0])
                        .thenComparingInt(g -> g[0]))
                .map(g -> new Phrase(cut(text, units, withContext(units, g)), matchedStems(units, g, matched)));
    }

    private static Set<String> matchedStems(List<Unit> units, int[] group, Set<String> matched) {
        Set<String> stems = new LinkedHashSet<>();
        for (int i = group[0]; i <= group[1]; i++) {
            units.get(i).stems().stream().filter(matched::contains).forEach(stems::add);
        }
        return stems;
    }

    /** A lone adjective at the end of its clause ("Лизинг дорожной, коммунальной и грузовой техники"). */
    private static boolean endsWithoutItsNoun(String text, List<Unit> units, int[] group) {
        Unit last = units.get(group[1]);
        return !readsWith(units, group[1], group[1] + 1)
                && ADJECTIVE.matcher(text.substring(last.start(), last.end()).toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * One matched word alone says little ("дорожной"): it reads on with the next word of its
     * clause, or the one before, unless that is a stop word or a filler ("также", "Ищем").
     */
    private static int[] withContext(List<Unit> units, int[] group) {
        int only = group[0];
        if (group[0] != group[1]) {
            return group;
        }
        if (readsWith(units, only, only + 1)) {
            return new int[] {only, only + 1};
        }
        if (readsWith(units, only, only - 1)) {
            return new int[] {only - 1, only};
        }
        return group;
    }

    private static boolean readsWith(List<Unit> units, int word, int neighbour) {
        return neighbour >= 0 && neighbour < units.size() && units.get(neighbour).clause() == units.get(word).clause()
                && !units.get(neighbour).stopWord() && units.get(neighbour).stems().stream().noneMatch(FILLER::contains);
    }

    /** The text of the units, cut at a word boundary with "…" when longer than {@value #MAX_CHARS} characters. */
    private static String cut(String text, List<Unit> units, int[] group) {
        int last = group[1];
        while (last > group[0] && units.get(last).end() - units.get(group[0]).start() > MAX_CHARS) {
            last--;
        }
        while (last > group[0] && units.get(last).stopWord()) {
            last--; // "машины для" reads worse than "машины…"
        }
        String phrase = text.substring(units.get(group[0]).start(), units.get(last).end());
        return last < group[1] ? phrase + ELLIPSIS : phrase;
    }

    private static List<Unit> units(String text) {
        List<Unit> units = new ArrayList<>();
        if (text == null) {
            return units;
        }
        Matcher matcher = UNIT.matcher(text);
        int clause = 0;
        int previousEnd = -1;
        while (matcher.find()) {
            if (previousEnd >= 0 && !text.substring(previousEnd, matcher.start()).isBlank()) {
                clause++; // punctuation between two words ends a phrase
            }
            Set<String> stems = new LinkedHashSet<>();
            TextAnalysis.words(matcher.group()).forEach(w -> {
                if (w.stem() != null) {
                    stems.add(w.stem());
                }
            });
            units.add(new Unit(matcher.start(), matcher.end(), stems, stems.isEmpty(), clause));
            previousEnd = matcher.end();
        }
        return units;
    }
}

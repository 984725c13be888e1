package org.b2bforum.company;

import java.util.Locale;

/**
 * Tax identification numbers: Russian INN (10 digits with one check digit, or 12 digits with
 * two) and Belarusian UNP (9 characters, the last a check digit).
 * <p>
 * The UNP rule is that of the Belarusian Ministry of Taxes and Duties (resolution No. 127 of
 * 31 December 2003, whose worked example is 200988541), as python-stdnum ({@code stdnum.by.unp})
 * and the npm package unp-validator implement it: the first eight characters, weighted
 * 29, 23, 19, 17, 13, 7, 5, 3, summed, modulo 11, give the ninth; a remainder of 10 is never
 * issued. Organisations have nine digits. Individual entrepreneurs may have two letters first
 * (e.g. MA1953684): the first one of A B C E H K M counts as its place in 0–9A–Z (A = 10 …
 * M = 22), the second one of A B C E H K M O P T as its place in that list (A = 0 … T = 9).
 * Cyrillic letters that look the same are read as the Latin ones.
 * <p>
 * Where the sources differ: python-stdnum also requires the first digit of an organisation's UNP
 * to be 1–7 (a region), which would refuse the real UNPs of MTS Belarus (800013732) and
 * Belinvestbank (807000028), so any first digit is accepted here; the letter forms are accepted
 * only with letters in both first places, as both implementations agree.
 */
public final class TaxNumbers {

    /** Why a number was refused, so that the form can say which part to check. */
    public enum Verdict {
        VALID, WRONG_FORM, WRONG_CHECK_DIGIT
    }

    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_FIRST = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_SECOND = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] UNP = {29, 23, 19, 17, 13, 7, 5, 3};
    private static final String UNP_FIRST_LETTERS = "ABCEHKM";
    private static final String UNP_SECOND_LETTERS = "ABCEHKMOPT";
    private static final String CYRILLIC_LOOKALIKES = "АВСЕНКМОРТ";
    private static final String LATIN_TWINS = "ABCEHKMOPT";

    private TaxNumbers() {
    }

    /**
     * Strips spaces so that "7707 083893" and "7707083893" are the same number; also the
     * non-breaking ones that text copied from documents often has. Letters (of a UNP) are
     * upper-cased, and Cyrillic ones that look Latin become Latin: "ма1953684" is "MA1953684".
     */
    public static String normalize(String taxNumber) {
        if (taxNumber == null) {
            return "";
        }
        String compact = taxNumber.replaceAll("[\\s\\p{Z}]+", "").toUpperCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(compact.length());
        for (char c : compact.toCharArray()) {
            int cyrillic = CYRILLIC_LOOKALIKES.indexOf(c);
            latin.append(cyrillic < 0 ? c : LATIN_TWINS.charAt(cyrillic));
        }
        return latin.toString();
    }

    public static boolean isValid(Country country, String taxNumber) {
        return verdict(country, taxNumber) == Verdict.VALID;
    }

    public static Verdict verdict(Country country, String taxNumber) {
        if (country == null) {
            return Verdict.WRONG_FORM;
        }
        String number = normalize(taxNumber);
        return switch (country) {
            case BY -> unpVerdict(number);
            case RU -> innVerdict(number);
        };
    }

    private static Verdict innVerdict(String digits) {
        if (!digits.matches("\\d{10}|\\d{12}")) {
            return Verdict.WRONG_FORM;
        }
        boolean valid = digits.length() == 10
                ? checkDigit(digits, INN10) == digit(digits, 9)
                : checkDigit(digits, INN12_FIRST) == digit(digits, 10)
                        && checkDigit(digits, INN12_SECOND) == digit(digits, 11);
        return valid ? Verdict.VALID : Verdict.WRONG_CHECK_DIGIT;
    }

    private static Verdict unpVerdict(String unp) {
        if (!unp.matches("\\d{9}|[" + UNP_FIRST_LETTERS + "][" + UNP_SECOND_LETTERS + "]\\d{7}")) {
            return Verdict.WRONG_FORM;
        }
        int remainder = unpRemainder(unp);
        return remainder < 10 && remainder == digit(unp, 8) ? Verdict.VALID : Verdict.WRONG_CHECK_DIGIT;
    }

    /** The weighted sum of a UNP's first eight characters modulo 11; 10 means no such UNP exists. */
    private static int unpRemainder(String unp) {
        int sum = 0;
        for (int i = 0; i < UNP.length; i++) {
            char c = unp.charAt(i);
            int value;
            if (Character.isDigit(c)) {
                value = c - '0';
            } else if (i == 0) {
                value = Character.digit(c, 36);
            } else {
                value = UNP_SECOND_LETTERS.indexOf(c);
            }
            sum += UNP[i] * value;
        }
        return sum % 11;
    }

    /** The INN check digit over the first {@code weights.length} digits. */
    public static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * digit(digits, i);
        }
        return sum % 11 % 10;
    }

    /** Completes nine digits to a valid ten-digit INN (used by demo data and tests). */
    public static String innFromNineDigits(String nineDigits) {
        return nineDigits + checkDigit(nineDigits, INN10);
    }

    /**
     * Completes eight digits to a valid organisation's UNP (used by demo data and tests). Eight
     * digits whose weighted sum leaves 10 have no UNP; the next serial number is taken then.
     */
    public static String unpFromEightDigits(String eightDigits) {
        String candidate = eightDigits;
        while (unpRemainder(candidate + "0") == 10) {
            candidate = String.format(Locale.ROOT, "%08d", (Integer.parseInt(candidate) + 1) % 100_000_000);
        }
        return candidate + unpRemainder(candidate + "0");
    }

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }
}

package org.b2bforum.company;

/**
 * Tax identification numbers: Russian INN (10 digits with one check digit, or 12 digits with
 * two) and Belarusian UNP (9 digits).
 */
public final class TaxNumbers {

    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_FIRST = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_SECOND = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private TaxNumbers() {
    }

    /**
     * Strips spaces so that "7707 083893" and "7707083893" are the same number; also the
     * non-breaking ones that text copied from documents often has.
     */
    public static String normalize(String taxNumber) {
        return taxNumber == null ? "" : taxNumber.replaceAll("[\\s\\p{Z}]+", "");
    }

    public static boolean isValid(Country country, String taxNumber) {
        String digits = normalize(taxNumber);
        if (country == null || !digits.matches("\\d+")) {
            return false;
        }
        return switch (country) {
            case BY -> digits.length() == 9;
            case RU -> isValidInn(digits);
        };
    }

    static boolean isValidInn(String digits) {
        if (digits.length() == 10) {
            return checkDigit(digits, INN10) == digit(digits, 9);
        }
        if (digits.length() == 12) {
            return checkDigit(digits, INN12_FIRST) == digit(digits, 10)
                    && checkDigit(digits, INN12_SECOND) == digit(digits, 11);
        }
        return false;
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

    private static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }
}

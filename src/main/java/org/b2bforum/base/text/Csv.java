package org.b2bforum.base.text;

import java.util.regex.Pattern;

/**
 * Cells of the CSV files the application exports. What people typed can start a spreadsheet
 * formula (OWASP "CSV injection"): a cell, or any line inside it, that starts with =, +, -, @, a
 * TAB or a CR gets a leading apostrophe, which spreadsheets show as text. Line-based readers that
 * split a quoted cell at its line breaks would otherwise see a formula at the start of a row.
 */
public final class Csv {

    private static final String FORMULA_START = "[=+\\-@\\t\\r]";
    private static final Pattern FORMULA_AT_START = Pattern.compile("^(?=" + FORMULA_START + ")");
    private static final Pattern FORMULA_AFTER_BREAK = Pattern.compile("(\\r\\n|\\r|\\n)(?=" + FORMULA_START + ")");

    private Csv() {
    }

    /** The value neutralised and quoted (inner quotes doubled); empty for {@code null}. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = FORMULA_AT_START.matcher(value).replaceFirst("'");
        safe = FORMULA_AFTER_BREAK.matcher(safe).replaceAll("$1'");
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}

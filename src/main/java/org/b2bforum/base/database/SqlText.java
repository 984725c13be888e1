package org.b2bforum.base.database;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Text written into a plain SQL statement (one sent among others in a JDBC batch, in one round trip) as a
 * hexadecimal literal, so that nobody's text is SQL, whatever quotes or backslashes it holds; and texts read back from
 * one aggregated column ({@link #list}, {@link #texts}) whole, whatever separators they hold.
 */
@NamedInterface("sql-text")
public final class SqlText {

    private SqlText() {
    }

    /**
     * {@code group_concat} of a text expression as a list that {@link #texts} reads back whole: each text after its
     * length in characters and a colon, nothing between them. People's names are free text: a name holding the
     * separator of a plain {@code group_concat} ('|') was read as two names and shifted the names after it into the
     * other company's (review57).
     */
    public static String list(String expression, String orderBy) {
        return "group_concat(concat(char_length(" + expression + "), ':', " + expression + ") order by " + orderBy
                + " separator '')";
    }

    /**
     * The texts of a {@link #list} column, in its order; none for null (no row). A list the server cut at its
     * {@code group_concat_max_len} (1 MB by default; 1,024 bytes on a server configured with MySQL's old value) gives
     * the texts it holds whole, then the one it cut as far as it goes with '…' (a cut length: nothing more), as a
     * plain {@code group_concat} read did; before, the cut list's reading failed, and with it the page (review59).
     */
    public static List<String> texts(String list) {
        List<String> texts = new ArrayList<>();
        for (int at = 0; list != null && at < list.length(); ) {
            int colon = list.indexOf(':', at);
            if (colon < 0) {
                break; // cut within a length
            }
            int length = Integer.parseInt(list, at, colon, 10);
            // MariaDB counts characters, Java code units: a character outside the BMP is two of them
            if (list.codePointCount(colon + 1, list.length()) < length) {
                texts.add(list.substring(colon + 1) + "…"); // cut within the text
                break;
            }
            int end = list.offsetByCodePoints(colon + 1, length);
            texts.add(list.substring(colon + 1, end));
            at = end;
        }
        return texts;
    }

    /** {@code convert(x'…' using utf8mb4)}, or {@code null} for none. */
    public static String literal(String value) {
        return value == null ? "null"
                : "convert(x'" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "' using utf8mb4)";
    }
}

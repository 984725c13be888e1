package org.b2bforum.base.database;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.springframework.modulith.NamedInterface;

/**
 * Text written into a plain SQL statement (one sent among others in a JDBC batch, in one round trip) as a
 * hexadecimal literal, so that nobody's text is SQL, whatever quotes or backslashes it holds.
 */
@NamedInterface("sql-text")
public final class SqlText {

    private SqlText() {
    }

    /** {@code convert(x'…' using utf8mb4)}, or {@code null} for none. */
    public static String literal(String value) {
        return value == null ? "null"
                : "convert(x'" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "' using utf8mb4)";
    }
}

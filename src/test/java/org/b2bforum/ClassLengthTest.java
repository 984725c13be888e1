package org.b2bforum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class over about 500 lines without a reason in its doc comment (issue 16, STYLE.md: a class that grows past
 * a few hundred lines has several jobs and is split along its own sections). A longer one says in the doc comment of
 * its top-level type why it stays one class, with the words "on purpose" (as {@code CpSatScheduler},
 * {@code CpSatModel} and {@code RowSearch} do), so that a class growing past the line is split or explained, not
 * found later. Read from the sources.
 */
class ClassLengthTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    /** The line: "about 500", so a file of 500 lines passes and one of 501 needs its reason. */
    private static final int MOST_LINES = 500;

    /** The top-level type's declaration, at the start of a line (nested types are indented). */
    private static final Pattern TOP_LEVEL = Pattern.compile(
            "(?m)^(?:(?:public|protected|private|abstract|final|sealed|non-sealed|static|strictfp)\\s+)*"
                    + "(?:class|interface|enum|record|@interface)\\s");

    @Test
    void every_main_class_over_500_lines_says_in_its_doc_comment_why_it_stays_one() throws IOException {
        List<String> unexplained = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                long lines = source.lines().count();
                if (lines > MOST_LINES && !explained(source)) {
                    unexplained.add(SOURCES.relativize(file) + " (" + lines + " lines)");
                }
            }
        }
        assertThat(unexplained).as("main classes over %d lines without \"on purpose\" and a reason in their doc "
                + "comment: split them along their sections, or say why they stay one", MOST_LINES).isEmpty();
    }

    @Test
    void a_reason_counts_only_in_the_doc_comment_of_the_top_level_type() {
        assertThat(explained("""
                package p;

                /**
                 * Long on
                 * purpose: its parts share one layout.
                 */
                @Deprecated
                public final class A {
                }
                """)).isTrue();
        assertThat(explained("""
                package p;

                /** A class. */
                final class A {
                    // long on purpose
                    /** Nested, on purpose. */
                    static class B {
                    }
                }
                """)).isFalse();
        assertThat(explained("""
                package p;

                /** Imports, on purpose. */
                import java.util.List;

                class A {
                }
                """)).isFalse();
    }

    /** Whether the doc comment right before the top-level type's declaration (annotations between) says why. */
    static boolean explained(String source) {
        Matcher declaration = TOP_LEVEL.matcher(source);
        if (!declaration.find()) {
            return false;
        }
        String before = source.substring(0, declaration.start());
        int end = before.lastIndexOf("*/");
        int start = before.lastIndexOf("/**");
        if (start < 0 || end < start) {
            return false;
        }
        String between = before.substring(end + 2).replaceAll("@[\\w.]+(\\([^)]*\\))?", "");
        if (!between.isBlank()) {
            return false;
        }
        String doc = before.substring(start + 3, end).replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ");
        return doc.toLowerCase(Locale.ROOT).contains("on purpose");
    }
}

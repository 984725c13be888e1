package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every answer to what a user did goes through {@link Notices}, so that its colour says what it means the same way on
 * every page: a no-show marked at the venue, a rejection and a cancellation were green like good news, a "saved" or a
 * "link copied" sometimes had no colour at all (ux74).
 */
class NoticesEverywhereTest {

    /**
     * Not answers to the user's own action: the frame's toast of what others did (a button that opens it), and the
     * database outage in the middle of the page.
     */
    private static final List<String> ELSEWHERE = List.of("Notices.java", "MainLayout.java",
            "DatabaseUnavailableHandling.java");

    @Test
    void the_pages_show_their_notices_through_one_helper() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            assertThat(sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !ELSEWHERE.contains(path.getFileName().toString()))
                    .filter(NoticesEverywhereTest::showsANotificationItself).map(Path::toString))
                    .as("sources showing a Notification themselves").isEmpty();
        }
    }

    private static boolean showsANotificationItself(Path source) {
        try {
            String text = Files.readString(source);
            return text.contains("Notification.show(") || text.contains("new Notification(");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

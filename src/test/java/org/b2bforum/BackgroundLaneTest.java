package org.b2bforum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/** {@link BackgroundLane}: which classes are the Spring lane's, and the other lane's thread at nice 10. */
class BackgroundLaneTest {

    @ForumSpringTest
    static class ASpringTest {
        class Nested {
        }
    }

    static class AnotherTest {
    }

    @Test
    void spring_classes_and_the_classes_nested_in_them_are_the_spring_lanes() {
        assertThat(BackgroundLane.springLane(ASpringTest.class)).isTrue();
        assertThat(BackgroundLane.springLane(ASpringTest.Nested.class)).isTrue();
        assertThat(BackgroundLane.springLane(AnotherTest.class)).isFalse();
        assertThat(BackgroundLane.springLane(BackgroundLaneTest.class)).isFalse();
    }

    /** Each case in a thread of its own, which starts at its creator's priority (this thread's). */
    @Test
    void the_first_other_class_lowers_its_thread_to_nice_10_a_spring_class_or_lanes_off_do_not() throws Exception {
        int own = nice();
        AtomicIntegerArray seen = new AtomicIntegerArray(3);
        Thread spring = Thread.ofPlatform().start(() -> {
            new BackgroundLane(true).classStarted(ASpringTest.class);
            seen.set(0, nice());
        });
        Thread off = Thread.ofPlatform().start(() -> {
            new BackgroundLane(false).classStarted(AnotherTest.class);
            seen.set(1, nice());
        });
        Thread other = Thread.ofPlatform().start(() -> {
            new BackgroundLane(true).classStarted(AnotherTest.class);
            seen.set(2, nice());
        });
        for (Thread t : new Thread[] {spring, off, other}) {
            t.join();
        }
        assertThat(seen.get(0)).as("a Spring class").isEqualTo(own);
        assertThat(seen.get(1)).as("lanes off").isEqualTo(own);
        assertThat(seen.get(2)).as("another class").isEqualTo(Math.max(own, 10));
        assertThat(nice()).as("this thread untouched").isEqualTo(own);
    }

    /** The calling thread's nice value (/proc/thread-self/stat, the 19th field). */
    private static int nice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

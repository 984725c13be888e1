package org.b2bforum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPreloaderTest {

    static final AtomicBoolean INITIALISED = new AtomicBoolean();

    /** Its static initialiser says when it runs. */
    static final class Listed {
        static {
            INITIALISED.set(true);
        }
    }

    @Test
    void theListedClassesAreLoadedButNotInitialisedAndTheRestSkipped() {
        List<String> asked = new ArrayList<>();
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                asked.add(name);
                return super.loadClass(name, resolve);
            }
        };

        int found = ClassPreloader.preload(List.of(
                "# NOTE: Do not modify this file.",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L",
                "org/b2bforum/ClassPreloaderTest$Listed id: 1",
                "org/b2bforum/NoSuchClassAnyMore id: 2"), loader, () -> false);

        assertThat(found).isEqualTo(1);
        assertThat(asked).containsExactly("org.b2bforum.ClassPreloaderTest$Listed", "org.b2bforum.NoSuchClassAnyMore");
        assertThat(INITIALISED).isFalse();
    }

    @Test
    void itStopsWhenTheSessionHasClosed() {
        assertThat(ClassPreloader.preload(List.of("java/lang/String id: 1"), getClass().getClassLoader(), () -> true))
                .isZero();
    }

    @Test
    void theClassesThisRunLoadedAreTheNextRunsList(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("preload.txt");
        Path dump = dir.resolve("loaded.txt");
        Files.writeString(dump, "java/lang/String id: 1\n");
        ClassPreloader preloader = new ClassPreloader(list + "," + dump);

        preloader.launcherSessionOpened(null); // no list yet: nothing to do
        preloader.launcherSessionClosed(null);

        assertThat(list).hasContent("java/lang/String id: 1");
    }
}

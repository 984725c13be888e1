package org.b2bforum.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.b2bforum.Application;
import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.treegrid.TreeGrid;

/**
 * Grids scroll to their top through {@link GridTop}, in the browser only: {@link Grid#scrollToStart} and
 * {@link Grid#scrollToIndex} also move the server's viewport and render rows for the response, which cost the
 * directory's search at the booking rush more than twice its time (bench/README.md, stop 41).
 * <p>
 * The application's class files are read for calls (and method references) whose target is a {@code scrollTo...}
 * method of {@link Grid} or a subclass, the rule the ArchUnit check before this one stated; reading the byte code
 * directly takes ~0.1 s where ArchUnit's import of every class of the application took 1.5-2 s of CPU a run
 * (bench/README.md, run-suite, stop 42).
 */
class GridTopTest {

    private static final Pattern SCROLL = Pattern.compile("scrollTo(Start|Index|Item)");

    @Test
    void no_page_asks_the_server_side_grid_to_scroll() throws Exception {
        Path classes = Path.of(Application.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes.resolve("org/b2bforum"))) {
            files = walk.filter(file -> file.toString().endsWith(".class")).toList();
        }
        assertThat(files).as("the application's classes, read").contains(
                classes.resolve("org/b2bforum/base/ui/GridTop.class"));

        assertThat(gridScrolls(files)).as("GridTop scrolls in the browser only").isEmpty();
    }

    /** The reading finds such calls where there are some: below, a grid's own, a subclass's, a method reference. */
    @Test
    void the_reading_finds_a_call_to_a_server_side_scroll() throws Exception {
        Path self = Path.of(Scrolling.class.getResource("GridTopTest$Scrolling.class").toURI());

        assertThat(gridScrolls(List.of(self))).containsExactlyInAnyOrder(
                "GridTopTest$Scrolling.top -> com/vaadin/flow/component/grid/Grid.scrollToStart",
                "GridTopTest$Scrolling.row -> com/vaadin/flow/component/treegrid/TreeGrid.scrollToIndex",
                "GridTopTest$Scrolling.later -> com/vaadin/flow/component/grid/Grid.scrollToStart");
    }

    @SuppressWarnings("unused")
    private static final class Scrolling {
        void top(Grid<String> grid) {
            grid.scrollToStart();
        }

        void row(TreeGrid<String> grid) {
            grid.scrollToIndex(3);
        }

        Runnable later(Grid<String> grid) {
            return grid::scrollToStart;
        }

        void elsewhere(Grid<String> grid) {
            grid.scrollToEnd();
            GridTop.scrollToTop(grid);
        }
    }

    /** "Class.method -> Owner.name" for each call or method reference to a Grid's scrollTo(Start|Index|Item). */
    private static List<String> gridScrolls(List<Path> classFiles) {
        List<String> found = new ArrayList<>();
        Map<String, Boolean> grids = new HashMap<>();
        for (Path file : classFiles) {
            ClassReader reader;
            try {
                reader = new ClassReader(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String caller = reader.getClassName().substring(reader.getClassName().lastIndexOf('/') + 1);
            reader.accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String name, String desc,
                                boolean isInterface) {
                            check(owner, name);
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap,
                                Object... arguments) {
                            for (Object argument : arguments) {
                                if (argument instanceof Handle handle) {
                                    check(handle.getOwner(), handle.getName());
                                }
                            }
                        }

                        private void check(String owner, String name) {
                            if (SCROLL.matcher(name).matches()
                                    && grids.computeIfAbsent(owner, GridTopTest::isGrid)) {
                                found.add(caller + "." + method + " -> " + owner + "." + name);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        return found;
    }

    private static boolean isGrid(String internalName) {
        if (internalName.startsWith("[")) {
            return false;
        }
        try {
            return Grid.class.isAssignableFrom(Class.forName(internalName.replace('/', '.'), false,
                    GridTopTest.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(internalName + " is called but not on the class path", e);
        }
    }
}
